define([], function () {
  return {
    // Property pane
    PropertyPaneDescription: "Kaart organisatiebeheersing voor het Viva Connections-dashboard.",
    TitleFieldLabel: "Titel",
    SiteUrlFieldLabel: "Gegevenssite",
    SiteUrlFieldDescription: "Adres van de site met de lijsten (leeg: de gegevenssite van de organisatie, anders deze site).",
    ReportYearFieldLabel: "Rapportjaar",
    ReportYearFieldDescription: "Leeg of 0: het laatste jaar met realisaties.",
    CardsUrlFieldLabel: "Pagina met de domeinkaarten",
    CardsUrlFieldDescription: "Leeg: de domeinkaarten openen in de Teams-app Organisatiebeheersing.",
    PageUrlInvalid: "Geef een adres op dat begint met https://, of een pad op deze site dat begint met één / (geen javascript:, data: of andere soorten links).",
    SiteUrlInvalid: "Geef een volledig adres op dat begint met https://.",
    // Card
    Title: "Organisatiebeheersing",
    Loading: "Cijfers worden geladen…",
    LoadError: "De cijfers konden niet geladen worden. Probeer het later opnieuw.",
    NoDomains: "Nog geen domeinen. Vul de lijst Domeinen op de gegevenssite.",
    HeadlineHighRisks: "{0} open hoge risico's",
    HeadlineBody: "{0}: {1} {1:realisatie|realisaties}, {2} achterstallig",
    QuickViewButton: "Per domein",
    // Quick view
    QuickViewTitle: "Organisatiebeheersing {0} per domein",
    QuickViewIntro: "Open hoge risico's, realisaties in {0} en achterstallige planning.",
    OpenHighRisksLabel: "Open hoge risico's",
    RealisedLabel: "Realisaties {0}",
    OverdueLabel: "Achterstallig",
    OpenDomain: "Open {0}"
  };
});
