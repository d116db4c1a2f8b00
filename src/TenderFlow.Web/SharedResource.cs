namespace TenderFlow.Web;

/// <summary>Marker for the portal's texts: Resources/SharedResource.resx (Dutch, the default) and SharedResource.en.resx.</summary>
public sealed class SharedResource;
