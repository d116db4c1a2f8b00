using System.Security.Cryptography;
using System.Text;
using TenderFlow.Domain.Audit;

namespace TenderFlow.Domain.Tests.Audit;

public class AuditCanonicalFormTests
{
    private static readonly AuditEvent Sample = new()
    {
        Sequence = 42,
        OccurredAtUtc = new DateTime(2027, 3, 10, 13, 5, 7, DateTimeKind.Utc).AddTicks(1234567),
        ActorId = "user:inkoper@utrecht.nl",
        ActorRole = "Procurement",
        TenderId = AuditEvents.TenderId,
        Action = "tender.trigger.fired",
        Subject = "tender/3f2504e0-4f89-11d3-9a0c-0305e82c3301",
        PayloadJson = """{"reason":"Bezwaar gegrond – naïef €","to":"selection"}""",
        PreviousHash = "ab" + new string('0', 62),
        Hash = "",
    };

    /// <summary>The documented "tfa1" form, written out independently of the implementation.</summary>
    private static string DocumentedHash(AuditEvent e)
    {
        static string Field(string value) => $"{Encoding.UTF8.GetByteCount(value)}:{value}\n";
        var text = "tfa1\n"
            + Field(e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture))
            + Field(e.OccurredAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture))
            + Field(e.ActorId)
            + Field(e.ActorRole)
            + Field(e.TenderId?.ToString("D") ?? "")
            + Field(e.Action)
            + Field(e.Subject)
            + Field(e.PayloadJson)
            + Field(e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void The_hash_is_sha256_of_the_documented_byte_string()
    {
        const string expectedBytes =
            "tfa1\n" +
            "2:42\n" +
            "28:2027-03-10T13:05:07.1234567Z\n" +
            "23:user:inkoper@utrecht.nl\n" +
            "11:Procurement\n" +
            "36:3f2504e0-4f89-11d3-9a0c-0305e82c3301\n" +
            "20:tender.trigger.fired\n" +
            "43:tender/3f2504e0-4f89-11d3-9a0c-0305e82c3301\n" +
            // "–" is 3 bytes, "ï" 2, "€" 3: the prefix counts bytes, not characters.
            "60:{\"reason\":\"Bezwaar gegrond – naïef €\",\"to\":\"selection\"}\n" +
            "64:ab00000000000000000000000000000000000000000000000000000000000000\n";
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(expectedBytes)));

        Assert.Equal(expected, AuditCanonicalForm.ComputeHash(Sample));
        Assert.Equal(expected, DocumentedHash(Sample));
    }

    [Fact]
    public void An_event_without_a_tender_has_an_empty_tender_field()
    {
        var e = AuditEvents.Copy(Sample, clearTenderId: true);
        var expectedBytes = "tfa1\n2:42\n28:2027-03-10T13:05:07.1234567Z\n23:user:inkoper@utrecht.nl\n11:Procurement\n0:\n"
            + "20:tender.trigger.fired\n43:tender/3f2504e0-4f89-11d3-9a0c-0305e82c3301\n"
            + "60:{\"reason\":\"Bezwaar gegrond – naïef €\",\"to\":\"selection\"}\n"
            + "64:ab00000000000000000000000000000000000000000000000000000000000000\n";

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(expectedBytes))), AuditCanonicalForm.ComputeHash(e));
    }

    [Fact]
    public void The_hash_is_deterministic_lowercase_hex_and_the_same_through_both_overloads()
    {
        var first = AuditCanonicalForm.ComputeHash(Sample);

        Assert.Equal(first, AuditCanonicalForm.ComputeHash(AuditEvents.Copy(Sample)));
        Assert.Equal(first, AuditCanonicalForm.ComputeHash(Sample.Sequence, Sample.OccurredAtUtc, Sample.ActorId, Sample.ActorRole,
            Sample.TenderId, Sample.Action, Sample.Subject, Sample.PayloadJson, Sample.PreviousHash));
        Assert.Matches("^[0-9a-f]{64}$", first);
    }

    [Fact]
    public void A_time_read_back_without_its_kind_hashes_the_same()
    {
        var unspecified = AuditEvents.Copy(Sample, occurredAtUtc: DateTime.SpecifyKind(Sample.OccurredAtUtc, DateTimeKind.Unspecified));

        Assert.Equal(AuditCanonicalForm.ComputeHash(Sample), AuditCanonicalForm.ComputeHash(unspecified));
    }

    public static TheoryData<string> Fields() =>
        new("sequence", "occurredAtUtc", "actorId", "actorRole", "tenderId", "tenderId cleared", "action", "subject", "payload", "previousHash");

    [Theory]
    [MemberData(nameof(Fields))]
    public void Changing_any_single_field_changes_the_hash(string field)
    {
        var changed = field switch
        {
            "sequence" => AuditEvents.Copy(Sample, sequence: 43),
            "occurredAtUtc" => AuditEvents.Copy(Sample, occurredAtUtc: Sample.OccurredAtUtc.AddTicks(1)),
            "actorId" => AuditEvents.Copy(Sample, actorId: "user:inkoper@utrecht.nL"),
            "actorRole" => AuditEvents.Copy(Sample, actorRole: "Legal"),
            "tenderId" => AuditEvents.Copy(Sample, tenderId: Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3302")),
            "tenderId cleared" => AuditEvents.Copy(Sample, clearTenderId: true),
            "action" => AuditEvents.Copy(Sample, action: "tender.trigger.fireD"),
            "subject" => AuditEvents.Copy(Sample, subject: Sample.Subject + " "),
            "payload" => AuditEvents.Copy(Sample, payloadJson: Sample.PayloadJson.Replace("\",\"", "\", \"", StringComparison.Ordinal)),
            "previousHash" => AuditEvents.Copy(Sample, previousHash: "ac" + new string('0', 62)),
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        Assert.NotEqual(AuditCanonicalForm.ComputeHash(Sample), AuditCanonicalForm.ComputeHash(changed));
        Assert.Equal(DocumentedHash(changed), AuditCanonicalForm.ComputeHash(changed));
    }

    [Fact]
    public void Moving_text_from_one_field_to_the_next_changes_the_hash()
    {
        var a = AuditEvents.Copy(Sample, action: "tender.trigger", subject: ".fired/x");
        var b = AuditEvents.Copy(Sample, action: "tender.trigger.fired", subject: "/x");

        Assert.NotEqual(AuditCanonicalForm.ComputeHash(a), AuditCanonicalForm.ComputeHash(b));
    }
}
