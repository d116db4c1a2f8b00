namespace TenderFlow.Web.Features.Applications;

/// <summary>One upload form on the application page: which document (kind, member, reference) and its label.</summary>
public sealed record UploadFormModel(Guid TenderId, Guid ApplicationId, string Kind, string Key, string Label, Guid? Member = null, Guid? Reference = null);
