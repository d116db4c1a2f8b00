using System.Text.RegularExpressions;

namespace TenderFlow.Domain.Specification;

public enum DiffKind
{
    Same,
    Inserted,
    Deleted,
}

public sealed record DiffPiece(DiffKind Kind, string Text);

/// <summary>
/// A word-level diff (longest common subsequence over words and the whitespace between them). Very long texts fall back
/// to lines, so a reviewer still sees a readable diff without the server building a huge table.
/// </summary>
public static partial class TextDiff
{
    private const long MaxCells = 4_000_000;

    [GeneratedRegex(@"\s+|[^\s]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"[^\n]*\n|[^\n]+")]
    private static partial Regex LinePattern();

    public static IReadOnlyList<DiffPiece> Words(string before, string after)
    {
        var a = Tokens(WordPattern(), before);
        var b = Tokens(WordPattern(), after);
        if ((long)a.Count * b.Count > MaxCells)
        {
            a = Tokens(LinePattern(), before);
            b = Tokens(LinePattern(), after);
        }
        return Merge(Diff(a, b));
    }

    public static IReadOnlyList<DiffPiece> Lines(string before, string after) =>
        Merge(Diff(Tokens(LinePattern(), before), Tokens(LinePattern(), after)));

    private static List<string> Tokens(Regex pattern, string text) => pattern.Matches(text).Select(m => m.Value).ToList();

    private static List<DiffPiece> Diff(List<string> a, List<string> b)
    {
        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix])
        {
            prefix++;
        }
        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }
        var pieces = a.Take(prefix).Select(t => new DiffPiece(DiffKind.Same, t)).ToList();
        var midA = a.Skip(prefix).Take(a.Count - prefix - suffix).ToList();
        var midB = b.Skip(prefix).Take(b.Count - prefix - suffix).ToList();
        if ((long)midA.Count * midB.Count > MaxCells)
        {
            pieces.AddRange(midA.Select(t => new DiffPiece(DiffKind.Deleted, t)));
            pieces.AddRange(midB.Select(t => new DiffPiece(DiffKind.Inserted, t)));
        }
        else
        {
            pieces.AddRange(Lcs(midA, midB));
        }
        pieces.AddRange(a.Skip(a.Count - suffix).Select(t => new DiffPiece(DiffKind.Same, t)));
        return pieces;
    }

    private static List<DiffPiece> Lcs(List<string> a, List<string> b)
    {
        // length[i, j] = LCS of a[i..] and b[j..]; walked forwards to emit deletions before insertions.
        var length = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                length[i, j] = a[i] == b[j] ? length[i + 1, j + 1] + 1 : Math.Max(length[i + 1, j], length[i, j + 1]);
            }
        }
        var pieces = new List<DiffPiece>();
        int x = 0, y = 0;
        while (x < a.Count && y < b.Count)
        {
            if (a[x] == b[y])
            {
                pieces.Add(new(DiffKind.Same, a[x++]));
                y++;
            }
            else if (length[x + 1, y] >= length[x, y + 1])
            {
                pieces.Add(new(DiffKind.Deleted, a[x++]));
            }
            else
            {
                pieces.Add(new(DiffKind.Inserted, b[y++]));
            }
        }
        pieces.AddRange(a.Skip(x).Select(t => new DiffPiece(DiffKind.Deleted, t)));
        pieces.AddRange(b.Skip(y).Select(t => new DiffPiece(DiffKind.Inserted, t)));
        return pieces;
    }

    /// <summary>
    /// Joins neighbouring pieces of one kind, and lets whitespace between two changed words belong to the change
    /// (so "a b" → "c d" reads as one deletion and one insertion, not four fragments).
    /// </summary>
    private static List<DiffPiece> Merge(List<DiffPiece> pieces)
    {
        var absorbed = new List<DiffPiece>();
        for (var i = 0; i < pieces.Count; i++)
        {
            var p = pieces[i];
            if (p.Kind == DiffKind.Same && string.IsNullOrWhiteSpace(p.Text) && i > 0 && i < pieces.Count - 1
                && pieces[i - 1].Kind != DiffKind.Same && pieces[i + 1].Kind != DiffKind.Same)
            {
                absorbed.Add(new(DiffKind.Deleted, p.Text));
                absorbed.Add(new(DiffKind.Inserted, p.Text));
                continue;
            }
            absorbed.Add(p);
        }
        // Group each run of changes as all deletions, then all insertions.
        var result = new List<DiffPiece>();
        var run = new List<DiffPiece>();
        void Flush()
        {
            Append(result, run.Where(r => r.Kind == DiffKind.Deleted));
            Append(result, run.Where(r => r.Kind == DiffKind.Inserted));
            run.Clear();
        }
        foreach (var p in absorbed)
        {
            if (p.Kind == DiffKind.Same)
            {
                Flush();
                Append(result, [p]);
            }
            else
            {
                run.Add(p);
            }
        }
        Flush();
        return result;
    }

    private static void Append(List<DiffPiece> result, IEnumerable<DiffPiece> pieces)
    {
        foreach (var p in pieces)
        {
            if (result.Count > 0 && result[^1].Kind == p.Kind)
            {
                result[^1] = p with { Text = result[^1].Text + p.Text };
            }
            else
            {
                result.Add(p);
            }
        }
    }
}
