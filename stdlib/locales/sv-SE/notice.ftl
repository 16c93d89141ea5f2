### regc:s texter på svenska i Sverige: bara det som skiljer sig från sv/notice.ftl.
### I Sverige heter informationen om behandling av personuppgifter oftast integritetspolicy
### (i Finland dataskyddsbeskrivning).

notice-title = Integritetspolicy
notice-intro = I denna integritetspolicy beskrivs hur { $controller } behandlar dina personuppgifter i registret ”{ $register }”.
notice-intro-unnamed = I denna integritetspolicy beskrivs hur dina personuppgifter behandlas i registret ”{ $register }”. Den personuppgiftsansvarige har inte angetts.
notice-intro-untitled = I denna integritetspolicy beskrivs hur { $controller } behandlar dina personuppgifter.
notice-intro-anonymous = I denna integritetspolicy beskrivs hur dina personuppgifter behandlas. Den personuppgiftsansvarige har inte angetts.
updated-text = Denna integritetspolicy uppdaterades senast { $date }.
draft-banner = Utkast: denna integritetspolicy är ofullständig. Registret som den bygger på innehåller fel, så uppgifter som dataskyddsförordningen kräver kan saknas, och den har inte publicerats som slutlig.
updated-text-month = Denna integritetspolicy uppdaterades senast { $date }.
