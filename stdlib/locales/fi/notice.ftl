### regc:n tietosuojaselosteiden tekstit: suomi.
### Oikeudelliset termit EU:n yleisen tietosuoja-asetuksen (EU) 2016/679 suomenkielisestä
### toisinnosta (ks. terms.md). Lukijaa puhutellaan sinä-muodossa. Vain pelkkää tekstiä.
### Jokaisessa kielessä on samat avaimet ja samat muuttujat.

## Document

notice-title = Tietosuojaseloste
# $controller: rekisterinpitäjän nimi; $register: rekisterin nimi
notice-intro = Tässä tietosuojaselosteessa kerrotaan, miten { $controller } käsittelee henkilötietojasi rekisterissä ”{ $register }”.
notice-intro-unnamed = Tässä tietosuojaselosteessa kerrotaan, miten henkilötietojasi käsitellään rekisterissä ”{ $register }”. Rekisterinpitäjää ei ole ilmoitettu.
summary-heading = Lyhyesti
summary-controller = Rekisterinpitäjä on { $controller }.
# $purposes: renderöijän muodostama pilkuin eroteltu luettelo
summary-bases = Käsittelyn oikeusperusteet: { $bases }.
summary-retention =
    { $count ->
        [one] Säilytysaika
       *[other] Säilytysajat
    }: { $retention }.
# $rights: luettelo oikeuksien nimistä
summary-rights = Sinulla on seuraavat oikeudet: { $rights }.
summary-complaint = Voit tehdä valituksen valvontaviranomaiselle: { $authority }.
summary-transfers-none = Ei siirtoja kolmansiin maihin.
summary-transfers = Henkilötietojasi siirretään kolmansiin maihin eli EU:n ja ETA:n ulkopuolelle: { $countries }.

## Headings

heading-controller = Rekisterinpitäjä
heading-contact = Yhteystiedot tietosuoja-asioissa
heading-dpo = Tietosuojavastaava
heading-representative = Edustaja EU:ssa
heading-joint-controllers = Yhteisrekisterinpitäjät
heading-purposes = Käsittelyn tarkoitukset ja oikeusperusteet
heading-data = Käsiteltävät henkilötiedot
heading-subjects = Rekisteröityjen ryhmät
heading-sources = Tietolähteet
heading-recipients = Henkilötietojen vastaanottajat
heading-transfers = Tietojen siirto kolmansiin maihin
heading-retention = Henkilötietojen säilytysaika
heading-rights = Oikeutesi
heading-complaint = Oikeus tehdä valitus valvontaviranomaiselle
heading-requirement = Henkilötietojen antaminen
heading-automated = Automatisoidut yksittäispäätökset, profilointi mukaan luettuna
heading-security = Henkilötietojen suojaaminen
heading-updated = Päivitetty

## Labels

label-business-id = Y-tunnus
label-address = Osoite
label-email = Sähköposti
label-phone = Puhelin
label-website = Verkkosivusto
label-basis = Oikeusperuste
label-interest = Oikeutettu etu
label-condition = Erityisiä henkilötietoryhmiä koskevan käsittelyn peruste
label-mechanism = Siirron peruste
label-copy = Miten saat jäljennöksen
label-countries = Maat
label-recipients = Vastaanottajat
label-role = Rooli
label-decision = Päätös
# $article: esim. "6(1)(a)"
label-article = EU:n tietosuoja-asetuksen { $article } artikla

## Roles

role-processor = Henkilötietojen käsittelijä
role-controller = Rekisterinpitäjä
role-joint-controller = Yhteisrekisterinpitäjä
role-authority = Viranomainen

## Kinds of data

data-kind-special = Erityiseen henkilötietoryhmään kuuluva tieto
data-kind-criminal = Rikostuomioihin ja rikkomuksiin liittyvä henkilötieto
data-kind-national-id = Kansallinen tunniste: käsittelyn edellytyksistä säädetään kansallisesti (EU:n tietosuoja-asetuksen 87 artikla)
data-optional = vapaaehtoinen

## Honest gaps: the register does not say

gap-controller = Rekisterinpitäjää ei ole ilmoitettu.
gap-basis = Käsittelyn oikeusperustetta ei ole ilmoitettu.
basis-one-of = Jokin seuraavista: { $bases }. Selosteessa ei kerrota mikä.
gap-recipients = Ei ole ilmoitettu, luovutetaanko henkilötietojasi vastaanottajille.
gap-transfers = Ei ole ilmoitettu, siirretäänkö henkilötietojasi kolmansiin maihin.
gap-retention = Säilytysaikaa ei ole ilmoitettu.
gap-automated = Ei ole ilmoitettu, tehdäänkö sinusta päätöksiä, jotka perustuvat pelkästään automaattiseen käsittelyyn, kuten profilointiin.
gap-authority = Valvontaviranomaista ei ole ilmoitettu.
gap-mechanism = Siirron perustetta ei ole ilmoitettu.
gap-sources = Henkilötietojen lähteitä ei ole ilmoitettu.

## Answers

recipients-none = Henkilötietojasi ei luovuteta vastaanottajille.
transfers-none = Henkilötietojasi ei siirretä kolmansiin maihin eli EU:n ja ETA:n ulkopuolelle.
automated-none = Sinusta ei tehdä päätöksiä, jotka perustuvat pelkästään automaattiseen käsittelyyn, kuten profilointiin.
automated-logic = Käsittelyyn liittyvä logiikka
automated-significance = Merkitys sinulle
automated-consequences = Mahdolliset seuraukset sinulle
transfer-inside-eea = Kohde on EU:n tai ETA:n alueella, joten kyse ei ole siirrosta kolmanteen maahan.

transfer-status-expired = Siirron perusteeksi ilmoitettu suojatoimi ei ole enää voimassa.
transfer-status-no-decision = Euroopan komissio ei ole tehnyt tästä maasta voimassa olevaa tietosuojan riittävyyttä koskevaa päätöstä.
transfer-status-needs-certification = Tietosuojan riittävyyttä koskeva päätös kattaa vain sertifioidut vastaanottajat, eikä tämän vastaanottajan ole ilmoitettu olevan sertifioitu.
transfer-status-not-yet = Siirron perusteeksi ilmoitettu päätös ei ole vielä voimassa.

## Retention

# $n: luku (välitettävä lukuna, jotta monikkovalinta toimii)
# $unit: minutes, hours, days, weeks, months tai years
duration =
    { $unit ->
        [minutes]
            { $n ->
                [one] { $n } minuutti
               *[other] { $n } minuuttia
            }
        [hours]
            { $n ->
                [one] { $n } tunti
               *[other] { $n } tuntia
            }
        [days]
            { $n ->
                [one] { $n } päivä
               *[other] { $n } päivää
            }
        [weeks]
            { $n ->
                [one] { $n } viikko
               *[other] { $n } viikkoa
            }
        [months]
            { $n ->
                [one] { $n } kuukausi
               *[other] { $n } kuukautta
            }
       *[years]
            { $n ->
                [one] { $n } vuosi
               *[other] { $n } vuotta
            }
    }
# $event: valmis ilmaus, esim. "viimeisestä yhteydenotosta"
retention-after = { $duration } { $event }
# $law: lain nimi perusmuodossa, esim. "kirjanpitolaki"
retention-under = { $duration }, kuten laissa säädetään ({ $law })
retention-after-under = { $duration } { $event }, kuten laissa säädetään ({ $law })
# $duration: ajanjakso, esim. "6 vuotta"
retention-at-least = vähintään { $duration }
retention-at-most = enintään { $duration }
retention-not-kept = Rekisterinpitäjä ei säilytä tietoja: ne välitetään suoraan eteenpäin
# $data: luettelo tietoryhmistä
retention-for-data = Tämä säilytysaika koskee seuraavia tietoja: { $data }

## Miten suostumus pyydetään (käyttötarkoituksen `consent`)

# $laws: luettelo laeista
cites-text = Käsittelyssä noudatetaan näitä lakeja: { $laws }.
label-consent = Miten suostumus pyydetään
consent-opt-in = Annat sen erikseen ja aktiivisesti, omalla myöntävällä vastauksellasi.
consent-checkbox = Annat sen rastittamalla lomakkeen tyhjän ruudun.
consent-registration = Annat sen rekisteröityessäsi tai liittyessäsi.
consent-pre-ticked = Ruutu oli rastitettu valmiiksi.
consent-site-use = Se katsotaan annetuksi, kun käytät sivustoa tai palvelua.
consent-policy-acceptance = Se katsotaan annetuksi, kun hyväksyt tämän tietosuojaselosteen.
consent-bundled = Sitä pyydetään samalla, kun hyväksyt käyttöehdot.

## Requirement to provide the data, Art. 13(2)(e)

requirement-statutory = Henkilötietojesi antaminen on lakisääteinen vaatimus: sinun on lain mukaan annettava ne.
requirement-contractual = Henkilötietojesi antaminen on sopimukseen perustuva vaatimus: sinun on sopimuksen mukaan annettava ne.
requirement-contract-prerequisite = Henkilötietojesi antaminen on sopimuksen tekemisen edellyttämä vaatimus: ilman niitä sopimusta ei voida tehdä.
requirement-voluntary = Henkilötietojesi antaminen on vapaaehtoista.
requirement-consequence = Jos et anna tietoja

## Sitoumukset: mihin tietoja ei käytetä (`commitments`)

heading-commitments = Mitä rekisterinpitäjä ei tee
commitment-no-sale = { $controller } ei myy eikä vuokraa henkilötietojasi.
commitment-no-marketing-disclosure = { $controller } ei luovuta henkilötietojasi muille näiden markkinointia varten.
commitment-no-direct-marketing = { $controller } ei käytä henkilötietojasi suoramarkkinointiin.
commitment-no-market-research = { $controller } ei käytä eikä luovuta henkilötietojasi markkina- tai mielipidetutkimukseen.
commitment-no-profiling = { $controller } ei käytä henkilötietojasi profilointiin.
commitment-no-special-categories = { $controller } ei käsittele erityisiä henkilötietoryhmiä, kuten terveyttä koskevia tietoja.
commitment-no-other-recipients = { $controller } ei luovuta henkilötietojasi muille kuin tässä selosteessa mainituille vastaanottajille.

## Rights

# $contact: nimi tai sähköpostiosoite
rights-intro = Voit käyttää oikeuksiasi ottamalla yhteyttä: { $contact }.
# $bases: luettelo oikeusperusteiden nimistä perusmuodossa
rights-because = Sinulla on tämä oikeus, koska käsittelyn oikeusperusteena on { $bases }.
right-restriction-label = Lakiin perustuva rajoitus
right-law = Tätä oikeutta on rajoitettu lailla ({ $law }).

## Complaint, Art. 77

complaint-text = Sinulla on oikeus tehdä valitus valvontaviranomaiselle erityisesti siinä jäsenvaltiossa, jossa vakinainen asuinpaikkasi tai työpaikkasi on tai jossa väitetty rikkominen on tapahtunut, jos katsot, että henkilötietojesi käsittelyssä rikotaan EU:n tietosuoja-asetusta.
complaint-text-uk = Sinulla on oikeus tehdä valitus valvontaviranomaiselle, jos katsot, että henkilötietojesi käsittely rikkoo Yhdistyneen kuningaskunnan tietosuojasäännöksiä (UK GDPR, Data Protection Act 2018).
# $country: maan nimi perusmuodossa

complaint-authority-regional = Toimivaltainen valvontaviranomainen ({ $country }) on sen osavaltion valvontaviranomainen, jossa rekisterinpitäjä on sijoittautunut.

## Updated

# $date: valmiiksi muotoiltu, esim. "6.4.2018"
updated-text = Tätä tietosuojaselostetta on päivitetty viimeksi { $date }.

## Sections (`section`)

section-untitled = Muita tietoja

## Misc

list-or = tai
list-and = ja
not-stated = ei ilmoitettu

## Luonnokset (`regc build --allow-incomplete`)

draft-banner = Luonnos: tämä tietosuojaseloste on keskeneräinen. Rekisteri, josta se on tehty, sisältää virheitä, joten siitä voi puuttua tietoja, jotka tietosuoja-asetuksen mukaan on annettava. Sitä ei ole julkaistu lopullisena.

## Selosteen osien nimet ja otsikot

notice-intro-untitled = Tässä tietosuojaselosteessa kerrotaan, miten { $controller } käsittelee henkilötietojasi.
notice-intro-anonymous = Tässä tietosuojaselosteessa kerrotaan, miten henkilötietojasi käsitellään. Rekisterinpitäjää ei ole ilmoitettu.
label-name = Nimi
label-organisation = Organisaatio
label-authority = Valvontaviranomainen
label-country = Maa
label-data = Henkilötiedot
purpose-ordinal = Käyttötarkoitus { $n }
gap-purposes = Käsittelyn tarkoituksia ei ole ilmoitettu.
recipient-untitled = Muu vastaanottaja
right-restriction-plain-label = Rajoitus
withdraw-how = Voit peruuttaa suostumuksesi ottamalla yhteyttä: { $contact }.

## Alueet, jotka eivät ole yksi maa

country-EU = Euroopan unioni
country-EEA = Euroopan talousalue
country-outside-eea = nimeämätön maa EU:n ja ETA:n ulkopuolella

## Yritystunnukset myöntäneen maan mukaan

business-id-FI = Y-tunnus
business-id-SE = Ruotsin organisaationumero
updated-text-month = Tätä tietosuojaselostetta on päivitetty viimeksi { $date }.
label-decision-scope = Päätös kattaa
mechanism-decision = { $mechanism }: komission päätös { $decision }
# Who does it, when the controller has no name (a commitment's $controller)
controller-generic = Rekisterinpitäjä

## Seloste käsittelytoimista (30 artikla), `regc build --format ropa-csv|ropa-xlsx`

ropa-register = Käsittelytoimi (rekisteri)
ropa-purpose = Käsittelyn tarkoitus (30 artiklan 1 kohdan b alakohta)
ropa-basis = Käsittelyn oikeusperuste (6 artiklan 1 kohta, 9 artiklan 2 kohta)
ropa-controller = Rekisterinpitäjä, edustaja, yhteisrekisterinpitäjät, tietosuojavastaava: nimet ja yhteystiedot (30 artiklan 1 kohdan a alakohta)
ropa-subjects = Rekisteröityjen ryhmät (30 artiklan 1 kohdan c alakohta)
ropa-data = Henkilötietoryhmät (30 artiklan 1 kohdan c alakohta)
ropa-recipients = Vastaanottajien ryhmät (30 artiklan 1 kohdan d alakohta)
ropa-transfers = Siirrot kolmansiin maihin ja suojatoimet (30 artiklan 1 kohdan e alakohta)
ropa-retention = Tietojen poistamisen määräajat (30 artiklan 1 kohdan f alakohta)
ropa-security = Tekniset ja organisatoriset turvatoimet (30 artiklan 1 kohdan g alakohta)
ropa-not-stated = Ei ilmoitettu
ropa-recipients-none = Ei vastaanottajia
ropa-transfers-none = Ei siirtoja kolmansiin maihin
ropa-joint-controller = Yhteisrekisterinpitäjä
