namespace TenderFlow.Web.Tests.Authorization;

/// <summary>
/// Legal reads everything and changes nothing. <see cref="AuthorizationMatrixTests"/> calls every endpoint as Legal and checks
/// that it is refused unless its row allows Legal; this test checks that no write row allows Legal beyond the list below.
/// </summary>
public sealed class LegalReadOnlyTests
{
    /// <summary>A person's own session, language and notification marks: not the tender's record.</summary>
    private static readonly string[] OwnAccountPrefixes =
        ["POST /api/auth/", "POST /Accounts/", "POST /language", "POST /api/notifications/", "POST /meldingen"];

    /// <summary>
    /// The procedural acts the procedure gives the lawyer (approving the final specification, advising on an objection, recording
    /// an objection or kort geding that reached the authority outside the portal, with how it came in). They add to the record;
    /// they change nothing anyone else wrote.
    /// </summary>
    private static readonly string[] LegalActs =
    [
        "POST /api/tenders/{id:guid}/specification/review",
        "POST /tenders/{id:guid}/opdrachtomschrijving?handler=Review",
        "POST /api/tenders/{id:guid}/objections/{objectionId:guid}/advice",
        "POST /tenders/{id:guid}/gunning?handler=Advice",
        "POST /api/tenders/{id:guid}/objections/recorded",
        "POST /tenders/{id:guid}/gunning?handler=Record",
    ];

    /// <summary>A form post that failed (e.g. its antiforgery token) is re-executed as a POST to the status page, which writes nothing.</summary>
    private const string StatusPage = "POST /fout/{code:int}";

    private static readonly string[] WriteMethods = ["POST ", "PUT ", "PATCH ", "DELETE "];

    [Fact]
    public void No_write_endpoint_allows_Legal_beyond_its_own_account_and_its_legal_acts()
    {
        var writes = AuthorizationMatrix.Rows.Where(r => WriteMethods.Any(m => r.Key.StartsWith(m, StringComparison.Ordinal))).ToList();
        Assert.True(writes.Count > 100, $"only {writes.Count} write rows: the matrix is not what this test expects");

        var legalWrites = writes.Where(r => r.Value.Allowed.Contains(Caller.Legal)).Select(r => r.Key)
            .Where(k => !OwnAccountPrefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal)) && k != StatusPage)
            .Order(StringComparer.Ordinal).ToList();

        Assert.Equal(LegalActs.Order(StringComparer.Ordinal), legalWrites);
    }
}
