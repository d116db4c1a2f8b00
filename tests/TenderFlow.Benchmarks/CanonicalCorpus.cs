namespace TenderFlow.Benchmarks;

/// <summary>
/// Every event's canonical bytes ("tfa1" form), materialised back to back in large chunks so the raw SHA-256
/// baseline hashes exactly what the verifier hashes, with nothing else in the loop.
/// </summary>
public sealed class CanonicalCorpus
{
    private const int ChunkSize = 64 * 1024 * 1024;
    private readonly List<byte[]> _chunks = [];
    private int[] _chunk;
    private int[] _start;
    private int[] _length;
    private int _used = ChunkSize;

    public CanonicalCorpus(int capacity)
    {
        _chunk = new int[capacity];
        _start = new int[capacity];
        _length = new int[capacity];
    }

    public int Count { get; private set; }

    public long TotalBytes { get; private set; }

    public ReadOnlySpan<byte> this[int index] => _chunks[_chunk[index]].AsSpan(_start[index], _length[index]);

    /// <summary>Reads back what <see cref="AuditChainBuilder"/> wrote: per event a length, then the bytes.</summary>
    public static CanonicalCorpus Load(string file, int count)
    {
        var corpus = new CanonicalCorpus(count);
        using var reader = new BinaryReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20));
        var buffer = new byte[4096];
        for (var i = 0; i < count; i++)
        {
            var length = reader.ReadInt32();
            if (buffer.Length < length)
            {
                buffer = new byte[length];
            }
            reader.BaseStream.ReadExactly(buffer, 0, length);
            corpus.Add(buffer.AsSpan(0, length));
        }
        return corpus;
    }

    public void Add(ReadOnlySpan<byte> bytes)
    {
        if (_used + bytes.Length > ChunkSize)
        {
            _chunks.Add(GC.AllocateUninitializedArray<byte>(ChunkSize));
            _used = 0;
        }
        if (Count == _chunk.Length)
        {
            Array.Resize(ref _chunk, Count * 2);
            Array.Resize(ref _start, Count * 2);
            Array.Resize(ref _length, Count * 2);
        }
        bytes.CopyTo(_chunks[^1].AsSpan(_used));
        _chunk[Count] = _chunks.Count - 1;
        _start[Count] = _used;
        _length[Count] = bytes.Length;
        _used += bytes.Length;
        TotalBytes += bytes.Length;
        Count++;
    }
}
