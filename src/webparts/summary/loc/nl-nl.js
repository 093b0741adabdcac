define([], function () {
  return {
    // Property pane
    PropertyPaneDescription: "Samenvatting organisatiebeheersing voor de startpagina: per domein de hoge risico's, de realisaties en de nieuwe planning.",
    DataGroupName: "Gegevens",
    SiteUrlFieldLabel: "Gegevenssite",
    SiteUrlFieldDescription: "Adres van de site met de lijsten (leeg: de gegevenssite die bij de installatie voor de hele organisatie is ingesteld, anders deze site).",
    ReportYearFieldLabel: "Rapportjaar",
    ReportYearFieldDescription: "Leeg of 0: het rapportjaar dat het controleteam op de gegevenssite heeft ingesteld.",
    SiteUrlInvalid: "Geef een volledig adres op dat begint met https://.",
    ReportYearInvalid: "Geef een jaartal op, bijvoorbeeld 2022.",
    CardsUrlFieldLabel: "Pagina met de domeinkaarten",
    CardsUrlFieldDescription: "Adres van de pagina of de Teams-tab met de domeinkaarten. Leeg: de links openen de domeinkaarten in de Teams-app Organisatiebeheersing.",
    PageUrlInvalid: "Geef een adres op dat begint met https://, of een pad op deze site dat begint met één / (geen javascript:, data: of andere soorten links).",

    // Content
    Title: "Organisatiebeheersing {0}",
    ListLabel: "Overzicht per domein in {0}",
    HighRisksOne: "hoog risico op te volgen",
    HighRisksMany: "hoge risico's op te volgen",
    RealisedIn: "gerealiseerd in {0}",
    NewPlanning: "nieuw gepland voor {0}",
    DomainPlanning: "Planning {0}: {1} van {2} gerealiseerd ({3}%)",
    DomainNoPlanning: "Geen acties gepland voor {0}",
    OverallRealised: "{0} van de {1} acties gepland voor {2} {0:is|zijn} gerealiseerd ({3}%).",
    OverallNoYearPlanning: "Voor {0} zelf stonden geen acties gepland; {1} {1:actie|acties} uit eerdere planning {1:is|zijn} nog open en {2} {2:actie|acties} {2:is|zijn} nieuw gepland voor {3}.",
    Totals: "In totaal (elke actie één keer): {0} {0:hoog risico|hoge risico's}, {1} {1:realisatie|realisaties} in {2}, {3} {3:actie|acties} nieuw gepland voor {4}, {5} in eerdere planning, {6} te laat, {7} open {7:aanbeveling|aanbevelingen} uit audits.",
    Mentions: "Per domein telt een actie in elk van haar domeinen: in {0} {0:domein|domeinen} {1} {1:vermelding|vermeldingen} van realisaties, {2} van nieuwe planning en {3} van eerdere planning.",
    EarlierPlanning: "in eerdere planning",
    ToCards: "Alle domeinkaarten bekijken",
    ToDomain: "{0}: domeinkaart openen",

    // States
    Loading: "Samenvatting laden…",
    LoadError: "De samenvatting kon niet geladen worden. Probeer het later opnieuw.",
    RefreshError: "De samenvatting kon niet bijgewerkt worden. U ziet de laatst geladen cijfers.",
    Retry: "Opnieuw proberen",
    TechnicalDetails: "Technische details",
    Refreshing: "Bijwerken…",
    EmptyTitle: "Nog geen domeinen",
    EmptyMessage: "Er zijn nog geen domeinen van organisatiebeheersing ingevuld. De coördinator interne controle vult ze aan in de lijst Domeinen.",
    Overdue: "te laat (deadline verstreken)",
    OpenRecommendationsOne: "open aanbeveling uit audits",
    OpenRecommendationsMany: "open aanbevelingen uit audits"
  };
});
