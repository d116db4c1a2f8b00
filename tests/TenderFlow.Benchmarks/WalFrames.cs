using System.Buffers.Binary;
using Microsoft.Data.Sqlite;

namespace TenderFlow.Benchmarks;

/// <summary>
/// How many database pages transactions wrote, read from the WAL file's own frame headers (one frame per page written;
/// a commit frame carries the database size). Start with <see cref="Truncate"/>, run the transactions, then <see cref="Read"/>.
/// </summary>
public static class WalFrames
{
    private const int HeaderSize = 32;
    private const int FrameHeaderSize = 24;

    /// <summary>Checkpoints the whole WAL into the database and empties it; false when a reader kept it from finishing.</summary>
    public static bool Truncate(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        using var reader = command.ExecuteReader();
        return reader.Read() && reader.GetInt32(0) == 0;
    }

    /// <summary>Frames and commits in the WAL's current generation (frames whose salts match the file header).</summary>
    public static (int Frames, int Commits) Read(string walFile)
    {
        var bytes = File.ReadAllBytes(walFile);
        if (bytes.Length < HeaderSize)
        {
            return (0, 0);
        }
        var pageSize = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(8));
        var salt1 = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(16));
        var salt2 = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(20));
        var (frames, commits) = (0, 0);
        for (var offset = HeaderSize; offset + FrameHeaderSize + pageSize <= bytes.Length; offset += FrameHeaderSize + pageSize)
        {
            var frame = bytes.AsSpan(offset, FrameHeaderSize);
            if (BinaryPrimitives.ReadUInt32BigEndian(frame[8..]) != salt1 || BinaryPrimitives.ReadUInt32BigEndian(frame[12..]) != salt2)
            {
                break;
            }
            frames++;
            if (BinaryPrimitives.ReadUInt32BigEndian(frame[4..]) != 0)
            {
                commits++;
            }
        }
        return (frames, commits);
    }
}
