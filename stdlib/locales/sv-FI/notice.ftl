### regc:s texter på svenska i Finland: bara det som skiljer sig från sv/notice.ftl.
### I Finland heter informationen dataskyddsbeskrivning (som i sv/notice.ftl), och ett
### företags identitet är dess FO-nummer (företags- och organisationsnummer, fi. Y-tunnus).

label-business-id = FO-nummer
