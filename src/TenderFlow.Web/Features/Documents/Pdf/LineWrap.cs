namespace TenderFlow.Web.Features.Documents.Pdf;

/// <summary>
/// Breaks text into lines no wider than a column: between words (at any white space, a non-breaking space too, since a run
/// joined by them is as long as one word), and a word wider than the column (a SHA-256, a long URL) between characters.
/// </summary>
public static class LineWrap
{
    public static List<string> Lines(string text, Func<string, double> measure, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", "").Split('\n'))
        {
            var line = "";
            // A null separator splits at every char.IsWhiteSpace; the words are joined again with a plain space.
            foreach (var word in paragraph.Split((char[]?)null))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (measure(candidate) <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0)
                {
                    lines.Add(line);
                }
                line = word;
                for (var fit = Fit(line, measure, width); fit < line.Length; fit = Fit(line, measure, width))
                {
                    lines.Add(line[..fit]);
                    line = line[fit..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>
    /// The length of the longest start of <paramref name="word"/> that fits, and at least one character so that a line always
    /// moves on. Found by doubling then halving: measuring every shorter start in turn costs the square of a 20,000-character
    /// run per line.
    /// </summary>
    private static int Fit(string word, Func<string, double> measure, double width)
    {
        var fits = 0;
        var tooWide = word.Length + 1;
        for (var length = 1; fits < word.Length; length = Math.Min(length * 2, word.Length))
        {
            if (measure(word[..length]) > width)
            {
                tooWide = length;
                break;
            }
            fits = length;
        }
        while (tooWide - fits > 1)
        {
            var middle = fits + (tooWide - fits) / 2;
            if (measure(word[..middle]) <= width)
            {
                fits = middle;
            }
            else
            {
                tooWide = middle;
            }
        }
        fits = Math.Max(fits, 1);
        // Not between the two halves of a character beyond the first Unicode plane.
        if (fits < word.Length && char.IsLowSurrogate(word[fits]))
        {
            fits += fits > 1 ? -1 : 1;
        }
        return fits;
    }
}
