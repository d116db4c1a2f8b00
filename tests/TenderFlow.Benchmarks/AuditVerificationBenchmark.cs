using System.Diagnostics;
using TenderFlow.Domain.Audit;
using TenderFlow.Web.Features.Audit;

namespace TenderFlow.Benchmarks;

public sealed record VerificationRun(AuditVerification Result, TimeSpan Elapsed, TimeSpan ProcessorTime, long AllocatedBytes);

/// <summary>Times the production verification, <see cref="AuditChainReader.Verify"/>, reading the chain from the database file.</summary>
public static class AuditVerificationBenchmark
{
    public static VerificationRun Run(string connectionString)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        using var process = Process.GetCurrentProcess();
        var processorBefore = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var result = AuditChainReader.Verify(connectionString);
        var elapsed = stopwatch.Elapsed;
        process.Refresh();
        return new VerificationRun(result, elapsed, process.TotalProcessorTime - processorBefore, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
    }
}
