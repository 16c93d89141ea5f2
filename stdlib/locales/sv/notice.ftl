### regc:s texter för dataskyddsbeskrivningar: svenska.
### Juridiska termer följer den svenska versionen av dataskyddsförordningen (EU) 2016/679
### (se terms.md). Läsaren tilltalas med du. Endast ren text, ingen HTML eller Markdown.
### Varje språk har samma nycklar och samma variabler.

## Document

notice-title = Dataskyddsbeskrivning
# $controller: den personuppgiftsansvariges namn; $register: registrets namn
notice-intro = I denna dataskyddsbeskrivning beskrivs hur { $controller } behandlar dina personuppgifter i registret ”{ $register }”.
notice-intro-unnamed = I denna dataskyddsbeskrivning beskrivs hur dina personuppgifter behandlas i registret ”{ $register }”. Den personuppgiftsansvarige har inte angetts.
summary-heading = I korthet
summary-controller = Personuppgiftsansvarig är { $controller }.
# $purposes: en kommaseparerad lista som renderaren bygger
summary-bases = Rättsliga grunder för behandlingen: { $bases }.
summary-retention =
    { $count ->
        [one] Lagringstid
       *[other] Lagringstider
    }: { $retention }.
# $rights: en lista med rättigheternas namn
summary-rights = Du har följande rättigheter: { $rights }.
summary-complaint = Du kan lämna in ett klagomål till en tillsynsmyndighet: { $authority }.
summary-transfers-none = Inga överföringar till tredjeland.
summary-transfers = Dina personuppgifter överförs till tredjeland, det vill säga utanför EU/EES: { $countries }.

## Headings

heading-controller = Personuppgiftsansvarig
heading-contact = Kontakt i dataskyddsfrågor
heading-dpo = Dataskyddsombud
heading-representative = Företrädare i EU
heading-joint-controllers = Gemensamt personuppgiftsansvariga
heading-purposes = Ändamål och rättslig grund för behandlingen
heading-data = Kategorier av personuppgifter
heading-subjects = Kategorier av registrerade
heading-sources = Varifrån personuppgifterna kommer
heading-recipients = Mottagare av personuppgifterna
heading-transfers = Överföring till tredjeland
heading-retention = Hur länge personuppgifterna lagras
heading-rights = Dina rättigheter
heading-complaint = Rätt att lämna in klagomål till en tillsynsmyndighet
heading-requirement = Att lämna dina personuppgifter
heading-automated = Automatiserat individuellt beslutsfattande, inbegripet profilering
heading-security = Hur dina personuppgifter skyddas
heading-updated = Senast uppdaterad

## Labels

label-business-id = Organisationsnummer
label-address = Adress
label-email = E-post
label-phone = Telefon
label-website = Webbplats
label-basis = Rättslig grund
label-interest = Berättigat intresse
label-condition = Grund för behandling av särskilda kategorier av personuppgifter
label-mechanism = Grund för överföringen
label-copy = Så får du en kopia
label-countries = Länder
label-recipients = Mottagare
label-role = Roll
label-decision = Beslut
# $article: t.ex. "6(1)(a)"
label-article = artikel { $article } i dataskyddsförordningen

## Roles

role-processor = Personuppgiftsbiträde
role-controller = Personuppgiftsansvarig
role-joint-controller = Gemensamt personuppgiftsansvarig
role-authority = Myndighet

## Kinds of data

data-kind-special = Särskild kategori av personuppgifter
data-kind-criminal = Personuppgifter som rör fällande domar i brottmål samt överträdelser
data-kind-national-id = Nationellt identifikationsnummer: villkoren anges i nationell lag (artikel 87 i dataskyddsförordningen)
data-optional = frivillig

## Honest gaps: the register does not say

gap-controller = Den personuppgiftsansvarige har inte angetts.
gap-basis = Den rättsliga grunden har inte angetts.
basis-one-of = Någon av: { $bases }. Det anges inte vilken.
gap-recipients = Det har inte angetts om dina personuppgifter lämnas ut till mottagare.
gap-transfers = Det har inte angetts om dina personuppgifter överförs till tredjeland.
gap-retention = Det har inte angetts hur länge personuppgifterna lagras.
gap-automated = Det har inte angetts om beslut som enbart grundas på automatiserad behandling, inbegripet profilering, fattas om dig.
gap-authority = Tillsynsmyndigheten har inte angetts.
gap-mechanism = Grunden för överföringen har inte angetts.
gap-sources = Det har inte angetts varifrån personuppgifterna kommer.

## Answers

recipients-none = Dina personuppgifter lämnas inte ut till några mottagare.
transfers-none = Dina personuppgifter överförs inte till tredjeland, det vill säga utanför EU/EES.
automated-none = Inga beslut som enbart grundas på automatiserad behandling, inbegripet profilering, fattas om dig.
automated-logic = Logiken bakom
automated-significance = Betydelse för dig
automated-consequences = Förutsedda följder för dig
transfer-inside-eea = Mottagarlandet ligger inom EU/EES, så detta är inte en överföring till tredjeland.

transfer-status-expired = Den skyddsåtgärd som anges för överföringen gäller inte längre.
transfer-status-no-decision = Europeiska kommissionen har inget gällande beslut om adekvat skyddsnivå för detta land.
transfer-status-needs-certification = Beslutet om adekvat skyddsnivå omfattar bara certifierade mottagare, och det har inte angetts att denna mottagare är certifierad.
transfer-status-not-yet = Det beslut som anges för överföringen har ännu inte trätt i kraft.

## Retention

# $n: ett tal (skickas som tal så att pluralväljaren fungerar)
# $unit: minutes, hours, days, weeks, months eller years
duration =
    { $unit ->
        [minutes]
            { $n ->
                [one] { $n } minut
               *[other] { $n } minuter
            }
        [hours]
            { $n ->
                [one] { $n } timme
               *[other] { $n } timmar
            }
        [days]
            { $n ->
                [one] { $n } dag
               *[other] { $n } dagar
            }
        [weeks]
            { $n ->
                [one] { $n } vecka
               *[other] { $n } veckor
            }
        [months]
            { $n ->
                [one] { $n } månad
               *[other] { $n } månader
            }
       *[years]
            { $n ->
                [one] { $n } år
               *[other] { $n } år
            }
    }
# $event: en färdig fras, t.ex. "efter den senaste kontakten"
retention-after = { $duration } { $event }
# $law: lagens namn i bestämd form, t.ex. "bokföringslagen"
retention-under = { $duration } enligt { $law }
retention-after-under = { $duration } { $event } enligt { $law }
# $duration: en tid, t.ex. "6 år"
retention-at-least = minst { $duration }
retention-at-most = högst { $duration }
retention-not-kept = Sparas inte av den personuppgiftsansvarige: uppgifterna lämnas direkt vidare
# $data: en lista med kategorier av uppgifter
retention-for-data = Lagringstiden gäller följande uppgifter: { $data }

## Hur samtycke inhämtas (ändamålets `consent`)

# $laws: en lista över lagar
cites-text = Behandlingen följer dessa lagar: { $laws }.
label-consent = Hur samtycke inhämtas
consent-opt-in = Du lämnar det separat och aktivt, med ett eget ja.
consent-checkbox = Du lämnar det genom att kryssa i en tom ruta i formuläret.
consent-registration = Du lämnar det när du registrerar dig eller anmäler dig.
consent-pre-ticked = Rutan var ikryssad i förväg.
consent-site-use = Det anses lämnat när du använder webbplatsen eller tjänsten.
consent-policy-acceptance = Det anses lämnat när du godkänner denna dataskyddsbeskrivning.
consent-bundled = Det begärs samtidigt som du godkänner användarvillkoren.

## Requirement to provide the data, Art. 13(2)(e)

requirement-statutory = Att lämna dina personuppgifter är ett lagstadgat krav: du är skyldig enligt lag att lämna dem.
requirement-contractual = Att lämna dina personuppgifter är ett avtalsenligt krav: du är skyldig enligt avtal att lämna dem.
requirement-contract-prerequisite = Att lämna dina personuppgifter är ett krav som är nödvändigt för att ingå ett avtal: utan dem kan avtalet inte ingås.
requirement-voluntary = Det är frivilligt att lämna dina personuppgifter.
requirement-consequence = Om du inte lämnar uppgifterna

## Åtaganden: vad uppgifterna inte används till (`commitments`)

heading-commitments = Vad den personuppgiftsansvarige inte gör
commitment-no-sale = { $controller } säljer inte och hyr inte ut dina personuppgifter.
commitment-no-marketing-disclosure = { $controller } lämnar inte ut dina personuppgifter till andra för deras marknadsföring.
commitment-no-direct-marketing = { $controller } använder inte dina personuppgifter för direktmarknadsföring.
commitment-no-market-research = { $controller } använder inte och lämnar inte ut dina personuppgifter för marknads- eller opinionsundersökningar.
commitment-no-profiling = { $controller } använder inte dina personuppgifter för profilering.
commitment-no-special-categories = { $controller } behandlar inte särskilda kategorier av personuppgifter, till exempel uppgifter om hälsa.
commitment-no-other-recipients = { $controller } lämnar inte ut dina personuppgifter till andra än de mottagare som nämns i denna beskrivning.

## Rights

# $contact: ett namn eller en e-postadress
rights-intro = Du kan utöva dina rättigheter genom att kontakta { $contact }.
# $bases: en lista med namnen på de rättsliga grunderna
rights-because = Rättigheten gäller eftersom behandlingen grundar sig på { $bases }.
right-restriction-label = Begränsning enligt lag
right-law = Rättigheten begränsas enligt { $law }.

## Complaint, Art. 77

complaint-text = Du har rätt att lämna in ett klagomål till en tillsynsmyndighet, särskilt i den medlemsstat där du har din hemvist eller din arbetsplats eller där det påstådda intrånget begicks, om du anser att behandlingen av dina personuppgifter strider mot dataskyddsförordningen.
complaint-text-uk = Du har rätt att lämna in klagomål till tillsynsmyndigheten om du anser att behandlingen av dina personuppgifter strider mot Förenade kungarikets dataskyddsregler (UK GDPR, Data Protection Act 2018).
# $country: landets namn

complaint-authority-regional = Behörig tillsynsmyndighet ({ $country }) är tillsynsmyndigheten i den delstat där den personuppgiftsansvarige är etablerad.

## Updated

# $date: redan formaterat, t.ex. "2018-04-06"
updated-text = Denna dataskyddsbeskrivning uppdaterades senast { $date }.

## Sections (`section`)

section-untitled = Övrig information

## Misc

list-or = eller
list-and = och
not-stated = inte angivet

## Utkast (`regc build --allow-incomplete`)

draft-banner = Utkast: denna information om behandling av personuppgifter är ofullständig. Registret som den bygger på innehåller fel, så uppgifter som dataskyddsförordningen kräver kan saknas, och den har inte publicerats som slutlig.

## Etiketter och rubriker för informationens delar

notice-intro-untitled = I denna dataskyddsbeskrivning beskrivs hur { $controller } behandlar dina personuppgifter.
notice-intro-anonymous = I denna dataskyddsbeskrivning beskrivs hur dina personuppgifter behandlas. Den personuppgiftsansvarige har inte angetts.
label-name = Namn
label-organisation = Organisation
label-authority = Tillsynsmyndighet
label-country = Land
label-data = Personuppgifter
purpose-ordinal = Ändamål { $n }
gap-purposes = Ändamålen med behandlingen har inte angetts.
recipient-untitled = Annan mottagare
right-restriction-plain-label = Begränsning
withdraw-how = Du kan återkalla ditt samtycke genom att kontakta { $contact }.

## Områden som inte är ett land

country-EU = Europeiska unionen
country-EEA = Europeiska ekonomiska samarbetsområdet
country-outside-eea = ett icke namngivet land utanför EU/EES

## Organisationsnummer efter landet som gett ut dem

business-id-FI = FO-nummer
business-id-SE = Organisationsnummer
updated-text-month = Denna dataskyddsbeskrivning uppdaterades senast { $date }.
label-decision-scope = Beslutet omfattar
mechanism-decision = { $mechanism }: kommissionens beslut { $decision }
# Who does it, when the controller has no name (a commitment's $controller)
controller-generic = Den personuppgiftsansvarige

## Register över behandling (artikel 30), `regc build --format ropa-csv|ropa-xlsx`

ropa-register = Behandling (register)
ropa-purpose = Ändamålen med behandlingen (artikel 30.1 b)
ropa-basis = Rättslig grund (artikel 6.1, 9.2)
ropa-controller = Personuppgiftsansvarig, företrädare, gemensamt personuppgiftsansvariga, dataskyddsombud: namn och kontaktuppgifter (artikel 30.1 a)
ropa-subjects = Kategorier av registrerade (artikel 30.1 c)
ropa-data = Kategorier av personuppgifter (artikel 30.1 c)
ropa-recipients = Kategorier av mottagare (artikel 30.1 d)
ropa-transfers = Överföringar till tredjeland och skyddsåtgärder (artikel 30.1 e)
ropa-retention = Tidsfrister för radering (artikel 30.1 f)
ropa-security = Tekniska och organisatoriska säkerhetsåtgärder (artikel 30.1 g)
ropa-not-stated = Inte angivet
ropa-recipients-none = Inga mottagare
ropa-transfers-none = Inga överföringar till tredjeland
ropa-joint-controller = Gemensamt personuppgiftsansvarig
