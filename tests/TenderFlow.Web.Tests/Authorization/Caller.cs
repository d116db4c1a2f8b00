namespace TenderFlow.Web.Tests.Authorization;

/// <summary>Who calls: nobody signed in, each role, and a bidder of the participating and of another organisation.</summary>
public enum Caller
{
    Anonymous,
    Admin,
    Procurement,
    Evaluator,
    Legal,
    BidderOwnOrganisation,
    BidderOtherOrganisation,
    Partner,
}

public static class Callers
{
    public static readonly Caller[] Everyone = Enum.GetValues<Caller>();
    public static readonly Caller[] SignedIn = Everyone.Where(c => c != Caller.Anonymous).ToArray();
    public static readonly Caller[] Nobody = [];
    public static readonly Caller[] TenderReaders = [Caller.Admin, Caller.Procurement, Caller.Evaluator, Caller.Legal, Caller.BidderOwnOrganisation];
    public static readonly Caller[] AuditReaders = [Caller.Admin, Caller.Procurement, Caller.Legal];
    public static readonly Caller[] ProcurementOnly = [Caller.Procurement];
    public static readonly Caller[] LegalAndAdmin = [Caller.Admin, Caller.Legal];
    public static readonly Caller[] AdminOnly = [Caller.Admin];
    public static readonly Caller[] AuthorityStaff = [Caller.Admin, Caller.Procurement, Caller.Legal];
}
