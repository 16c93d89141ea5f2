### regc privacy notice texts: English.
### Legal terms follow the English text of Regulation (EU) 2016/679 (see terms.md).
### The reader is addressed as "you". Plain text only: no HTML or Markdown.
### Every locale defines the same keys with the same variables.

## Document

notice-title = Privacy notice
# $controller: the controller's name; $register: the register's name
notice-intro = This privacy notice explains how { $controller } processes your personal data in the register ‘{ $register }’.
notice-intro-unnamed = This privacy notice explains how your personal data is processed in the register ‘{ $register }’. The controller has not been stated.
summary-heading = In brief
summary-controller = The controller is { $controller }.
# $purposes: a comma-separated list built by the renderer
summary-bases = Legal bases of the processing: { $bases }.
summary-retention =
    { $count ->
        [one] Storage period
       *[other] Storage periods
    }: { $retention }.
# $rights: a list of right names
summary-rights = You have these rights: { $rights }.
summary-complaint = You may lodge a complaint with a supervisory authority: { $authority }.
summary-transfers-none = No transfers to third countries.
summary-transfers = Your personal data is transferred to third countries (outside the EU/EEA): { $countries }.

## Headings

heading-controller = Controller
heading-contact = Contact for data protection matters
heading-dpo = Data protection officer
heading-representative = Representative in the EU
heading-joint-controllers = Joint controllers
heading-purposes = Purposes and legal bases of the processing
heading-data = Categories of personal data
heading-subjects = Categories of data subjects
heading-sources = Sources of the personal data
heading-recipients = Recipients of the personal data
heading-transfers = Transfers to third countries
heading-retention = Storage period
heading-rights = Your rights
heading-complaint = Right to lodge a complaint with a supervisory authority
heading-requirement = Providing your personal data
heading-automated = Automated individual decision-making, including profiling
heading-security = How your personal data is protected
heading-updated = Last updated

## Labels

label-business-id = Business ID
label-address = Address
label-email = Email
label-phone = Phone
label-website = Website
label-basis = Legal basis
label-interest = Legitimate interest
label-condition = Condition for processing special categories of personal data
label-mechanism = Basis for the transfer
label-copy = How to get a copy
label-countries = Countries
label-recipients = Recipients
label-role = Role
label-decision = Decision
# $article: e.g. "6(1)(a)"
label-article = Art. { $article } GDPR

## Roles

role-processor = Processor
role-controller = Controller
role-joint-controller = Joint controller
role-authority = Public authority

## Kinds of data

data-kind-special = Special category of personal data
data-kind-criminal = Personal data relating to criminal convictions and offences
data-kind-national-id = National identification number: national law sets the conditions (Art. 87 GDPR)
data-optional = optional

## Honest gaps: the register does not say

gap-controller = The controller has not been stated.
gap-basis = The legal basis has not been stated.
basis-one-of = One of: { $bases }. The notice does not say which.
gap-recipients = It has not been stated whether your personal data is disclosed to recipients.
gap-transfers = It has not been stated whether your personal data is transferred to third countries.
gap-retention = The storage period has not been stated.
gap-automated = It has not been stated whether decisions based solely on automated processing, including profiling, are made about you.
gap-authority = The supervisory authority has not been stated.
gap-mechanism = The basis for the transfer has not been stated.
gap-sources = The sources of the personal data have not been stated.

## Answers

recipients-none = Your personal data is not disclosed to any recipients.
transfers-none = Your personal data is not transferred to third countries, that is, outside the EU/EEA.
automated-none = No decisions based solely on automated processing, including profiling, are made about you.
automated-logic = Logic involved
automated-significance = Significance for you
automated-consequences = Envisaged consequences for you
transfer-inside-eea = The destination is inside the EU/EEA, so this is not a transfer to a third country.

transfer-status-expired = The safeguard named for this transfer is no longer in force.
transfer-status-no-decision = The European Commission has no adequacy decision in force for this country.
transfer-status-needs-certification = The adequacy decision covers only certified recipients, and this recipient has not been stated to be certified.
transfer-status-not-yet = The decision named for this transfer is not yet in force.

## Retention

# $n: a number (pass it as a number so that the plural selector works)
# $unit: minutes, hours, days, weeks, months or years
duration =
    { $unit ->
        [minutes]
            { $n ->
                [one] { $n } minute
               *[other] { $n } minutes
            }
        [hours]
            { $n ->
                [one] { $n } hour
               *[other] { $n } hours
            }
        [days]
            { $n ->
                [one] { $n } day
               *[other] { $n } days
            }
        [weeks]
            { $n ->
                [one] { $n } week
               *[other] { $n } weeks
            }
        [months]
            { $n ->
                [one] { $n } month
               *[other] { $n } months
            }
       *[years]
            { $n ->
                [one] { $n } year
               *[other] { $n } years
            }
    }
# $event: a ready phrase such as "after the last contact"
retention-after = { $duration } { $event }
# $law: a law's name, e.g. "Accounting Act"
retention-under = { $duration }, as set by law ({ $law })
retention-after-under = { $duration } { $event }, as set by law ({ $law })
# $duration: a period, e.g. "6 years"
retention-at-least = at least { $duration }
retention-at-most = at most { $duration }
retention-not-kept = Not kept by the controller: the data is passed straight on
# $data: a list of data categories
retention-for-data = This storage period applies to: { $data }

## How consent is obtained (a purpose's `consent`)

# $laws: a list of laws
cites-text = The processing follows these laws: { $laws }.
label-consent = How consent is asked
consent-opt-in = You give it separately and actively, by a yes of its own.
consent-checkbox = You give it by ticking an empty box on the form.
consent-registration = You give it when you register or sign up.
consent-pre-ticked = The box was ticked in advance.
consent-site-use = It is taken from your use of the site or the service.
consent-policy-acceptance = It is taken from your acceptance of this privacy notice.
consent-bundled = It is asked together with your agreement to the terms of service.

## Requirement to provide the data, Art. 13(2)(e)

requirement-statutory = Providing your personal data is a statutory requirement: you are obliged by law to provide it.
requirement-contractual = Providing your personal data is a contractual requirement: you are obliged by a contract to provide it.
requirement-contract-prerequisite = Providing your personal data is a requirement necessary to enter into a contract: without it, the contract cannot be made.
requirement-voluntary = Providing your personal data is voluntary.
requirement-consequence = If you do not provide the data

## Commitments: what is not done with the data (`commitments`)

heading-commitments = What the controller does not do
commitment-no-sale = { $controller } does not sell or rent your personal data.
commitment-no-marketing-disclosure = { $controller } does not disclose your personal data to others for their marketing.
commitment-no-direct-marketing = { $controller } does not use your personal data for direct marketing.
commitment-no-market-research = { $controller } does not use or disclose your personal data for market or opinion research.
commitment-no-profiling = { $controller } does not use your personal data for profiling.
commitment-no-special-categories = { $controller } does not process special categories of personal data, such as data concerning health.
commitment-no-other-recipients = { $controller } does not disclose your personal data to anyone other than the recipients named in this notice.

## Rights

# $contact: a name or an e-mail address
rights-intro = You can exercise your rights by contacting { $contact }.
# $bases: a list of legal basis names
rights-because = This right applies because the processing is based on { $bases }.
right-restriction-label = Restriction by law
right-law = This right is restricted by law ({ $law }).

## Complaint, Art. 77

complaint-text = You have the right to lodge a complaint with a supervisory authority, in particular in the Member State of your habitual residence, place of work or place of the alleged infringement, if you consider that the processing of your personal data infringes the GDPR.
complaint-text-uk = You have the right to lodge a complaint with the supervisory authority if you consider that the processing of your personal data infringes the UK GDPR or the Data Protection Act 2018.
# $country: the country's name

complaint-authority-regional = In { $country } the competent supervisory authority is the one of the federal state in which the controller is established.

## Updated

# $date: already formatted, e.g. "6 April 2018"
updated-text = This privacy notice was last updated on { $date }.

## Sections (`section`)

section-untitled = Other information

## Misc

list-or = or
list-and = and
not-stated = not stated

## Drafts (`regc build --allow-incomplete`)

draft-banner = Draft: this privacy notice is incomplete. The register it is built from has errors, so it may lack information the GDPR requires, and it has not been published as final.

## Labels and headings of the notice's parts

notice-intro-untitled = This privacy notice explains how { $controller } processes your personal data.
notice-intro-anonymous = This privacy notice explains how your personal data is processed. The controller has not been stated.
label-name = Name
label-organisation = Organisation
label-authority = Supervisory authority
label-country = Country
label-data = Personal data
# $n: 1, 2, … for a purpose that has no title and no short text
purpose-ordinal = Purpose { $n }
gap-purposes = The purposes of the processing have not been stated.
recipient-untitled = Other recipient
right-restriction-plain-label = Restriction
# $contact: a name or an e-mail address
withdraw-how = To withdraw your consent, contact { $contact }.

## Places that are not one country

country-EU = European Union
country-EEA = European Economic Area
country-outside-eea = a country outside the EU/EEA that has not been named

## Business identifiers, by the country that issued them

business-id-FI = Business ID
business-id-SE = Corporate identity number
# $date: a month and year, e.g. "May 2026"
updated-text-month = This privacy notice was last updated in { $date }.
label-decision-scope = The decision covers
# $mechanism: its name and article; $decision: e.g. "(EU) 2023/1795"
mechanism-decision = { $mechanism }: Commission decision { $decision }
# Who does it, when the controller has no name (a commitment's $controller)
controller-generic = The controller

## The record of processing activities (Art. 30), `regc build --format ropa-csv|ropa-xlsx`

ropa-register = Processing activity (register)
ropa-purpose = Purpose of the processing (Art. 30(1)(b))
ropa-basis = Legal basis (Art. 6(1), 9(2))
ropa-controller = Controller, representative, joint controllers, DPO: names and contact details (Art. 30(1)(a))
ropa-subjects = Categories of data subjects (Art. 30(1)(c))
ropa-data = Categories of personal data (Art. 30(1)(c))
ropa-recipients = Categories of recipients (Art. 30(1)(d))
ropa-transfers = Transfers to third countries and their safeguards (Art. 30(1)(e))
ropa-retention = Time limits for erasure (Art. 30(1)(f))
ropa-security = Technical and organisational security measures (Art. 30(1)(g))
ropa-not-stated = Not stated
ropa-recipients-none = No recipients
ropa-transfers-none = No transfers to third countries
ropa-joint-controller = Joint controller
