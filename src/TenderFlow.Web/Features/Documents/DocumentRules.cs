using TenderFlow.Domain.Documents;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Web.Features.Documents;

/// <summary>Why an upload was refused. Nothing is stored when any of these applies.</summary>
public static class DocumentRules
{
    public static RuleViolation NoFile() => new("NoFileRule", RuleKind.Invalid,
        new("Kies een bestand om te uploaden.", "Choose a file to upload."), "file");

    public static RuleViolation Empty() => new("EmptyFileRule", RuleKind.Invalid,
        new("Het bestand is leeg.", "The file is empty."), "file");

    public static RuleViolation TooLarge(long maxBytes) => new("FileTooLargeRule", RuleKind.Invalid,
        new($"Het bestand is groter dan {maxBytes / (1024 * 1024)} MB.", $"The file is larger than {maxBytes / (1024 * 1024)} MB."), "file");

    public static RuleViolation UnsupportedType() => new("UnsupportedFileTypeRule", RuleKind.Invalid,
        new($"Dit bestandstype wordt niet geaccepteerd. Toegestaan: {DocumentFormat.AcceptedList} (de inhoud telt, niet alleen de extensie).",
            $"This file type is not accepted. Allowed: {DocumentFormat.AcceptedList} (the content counts, not only the extension)."), "file");

    public static RuleViolation ExtensionMismatch(string extension, DocumentFormat actual) => new("FileExtensionMismatchRule", RuleKind.Invalid,
        new($"De extensie {extension} past niet bij de inhoud ({actual.Name}).", $"The extension {extension} does not match the content ({actual.Name})."), "file");

    public static RuleViolation UnsafeFileName() => new("UnsafeFileNameRule", RuleKind.Invalid,
        new("De bestandsnaam verwijst naar een andere map. Geef het bestand een gewone naam.", "The file name points to another folder. Give the file a plain name."), "file");

    public static RuleViolation NotMultipart() => new("MultipartRequiredRule", RuleKind.Invalid,
        new("Stuur het bestand als multipart/form-data.", "Send the file as multipart/form-data."), "file");

    public static RuleViolation MissingAntiforgery() => new("AntiforgeryRule", RuleKind.Forbidden,
        new("Het formulier is verlopen of onvolledig; laad de pagina opnieuw.", "The form has expired or is incomplete; reload the page."));

    public static RuleViolation NotFound(Guid id) => new("DocumentNotFoundRule", RuleKind.NotFound,
        new($"Document {id} bestaat niet of u mag het niet inzien.", $"Document {id} does not exist or you may not see it."));
}
