using TenderFlow.Domain.Publication;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Web.Features.Publication;

public static class PublicationRules
{
    public static RuleViolation DocumentsClosed() => new("PublicationDocumentsClosedRule", RuleKind.Conflict,
        new("In deze fase kunnen geen aanbestedingsstukken worden toegevoegd (dat kan tijdens de marktconsultatie en zolang publicatiestukken open staan).",
            "Tender documents cannot be added in this phase (they can during market consultation and while publication documents are open)."));

    public static RuleViolation UnknownKind() => new("PublicationKindRule", RuleKind.Invalid,
        new("Kies de soort: nota van uitgangspunten (guide) of bijlage (attachment).", "Choose the kind: guiding document (guide) or attachment."), "kind");

    public static RuleViolation TitleRequired() => new("PublicationTitleRule", RuleKind.Invalid,
        new($"Geef de bijlage een titel van 1 tot {PublicationDocument.MaxTitleLength} tekens.", $"Give the attachment a title of 1 to {PublicationDocument.MaxTitleLength} characters."), "title");

    public static RuleViolation UnknownDocument() => new("PublicationDocumentNotFoundRule", RuleKind.NotFound,
        new("Dit aanbestedingsstuk bestaat niet bij deze aanbesteding.", "This tender document does not exist in this tender."), "documentId");

    public static RuleViolation PublishedTitleFixed() => new("PublishedDocumentTitleRule", RuleKind.Conflict,
        new("Dit stuk is al gepubliceerd onder zijn titel; die blijft zo, want eerdere versies en de openbare gegevens dragen hem. Laat de titel leeg om een nieuwe versie te plaatsen.",
            "This document has been published under its title, which stays: earlier versions and the open data carry it. Leave the title empty to add a new version."), "title");

    public static RuleViolation AlreadyPublished() => new("GuidelineAlreadyPublishedRule", RuleKind.Conflict,
        new("De selectieleidraad is al gepubliceerd.", "The selection guideline has already been published."));
}
