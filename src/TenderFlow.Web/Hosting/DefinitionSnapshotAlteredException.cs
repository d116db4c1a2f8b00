namespace TenderFlow.Web.Hosting;

/// <summary>
/// A stored procedure snapshot whose text no longer has the hash its tenders are pinned to: it was changed behind the
/// database's back (its triggers refuse UPDATE and DELETE). Running the tenders on it would silently run another procedure.
/// </summary>
public sealed class DefinitionSnapshotAlteredException(string pinnedHash, string actualHash)
    : Exception($"The stored procedure snapshot {pinnedHash[..12]}… no longer has the content its tenders are pinned to (it hashes to {actualHash[..12]}…). " +
        "Restore the database from a backup; the tenders pinned to it are not run on the altered text.");
