define([], function () {
  return {
    // Property pane
    PropertyPaneDescription: "Kaart organisatiebeheersing voor het Viva Connections-dashboard.",
    TitleFieldLabel: "Titel",
    SiteUrlFieldLabel: "Gegevenssite",
    SiteUrlFieldDescription: "Adres van de site met de lijsten (leeg: de gegevenssite van de organisatie, anders deze site).",
    ReportYearFieldLabel: "Rapportjaar",
    ReportYearFieldDescription: "Leeg of 0: het rapportjaar dat het controleteam op de gegevenssite heeft ingesteld.",
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
    HeadlineBody: "{0}: {1} {1:realisatie|realisaties}, {2} in eerdere planning, {3} te laat",
    QuickViewButton: "Per domein",
    // Quick view
    QuickViewTitle: "Organisatiebeheersing {0} per domein",
    QuickViewIntro: "Per domein telt een actie in elk van haar domeinen mee.",
    QuickViewTotals: "{0}: {1} {1:realisatie|realisaties}, in {2} {2:domein|domeinen} {3} {3:vermelding|vermeldingen}. Eerdere planning: {4} {4:actie|acties}, {5} {5:vermelding|vermeldingen}.",
    OpenHighRisksLabel: "Open hoge risico's",
    RealisedLabel: "Realisaties {0}",
    EarlierPlanningLabel: "Eerdere planning",
    OverdueLabel: "Te laat (deadline verstreken)",
    OpenDomain: "Open {0}",
    OpenDomainCard: "Open domeinkaart",
    // The signed-in user's own items (owner = you; the reminder rule: overdue or due within 30 days)
    MineHeadline: "Jouw acties: {0} te laat, {1} binnen 30 dagen",
    HeadlineBodyWithRisks: "{0} open hoge risico's. {1}",
    MineTitle: "Mijn acties",
    MineIntro: "Waarvan jij eigenaar bent: te laat of met een deadline binnen 30 dagen.",
    MineNone: "Je hebt geen acties of aanbevelingen die te laat zijn of binnen 30 dagen moeten klaar zijn.",
    MineOverdue: "{0} · te laat (deadline {1})",
    MineDueSoon: "{0} · deadline {1}",
    MineAction: "Actie",
    MineRecommendation: "Aanbeveling",
    MineMore: "En nog {0} in Mijn acties.",
    OpenRecommendationsLabel: "Open aanbevelingen",
    QuickViewOpenRecommendations: "Audits: {0} open {0:aanbeveling|aanbevelingen}.",
    MineOpen: "Open Mijn acties",
    DateLocale: "nl-BE"
  };
});
