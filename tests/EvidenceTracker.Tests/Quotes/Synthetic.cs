using System.Text;

namespace EvidenceTracker.Tests.Quotes;

/// <summary>Made-up words and numbers, so tests never depend on real article text.</summary>
internal static class Synthetic
{
    private static readonly string[] Syllables = ["ka", "lo", "min", "tra", "vel", "os", "quin", "dar", "pe", "sul", "ro", "ant", "mer", "is", "bo", "ten"];

    public static string Text(Random random, int length)
    {
        var builder = new StringBuilder(length + 64);
        int sentence = 0;
        while (builder.Length < length)
        {
            if (random.Next(9) == 0)
            {
                builder.Append(random.Next(1, 10_000)).Append('.').Append(random.Next(0, 10));
            }
            else
            {
                int syllables = random.Next(1, 4);
                for (int s = 0; s < syllables; s++)
                {
                    builder.Append(Syllables[random.Next(Syllables.Length)]);
                }
            }

            sentence++;
            if (sentence % 12 == 0)
            {
                builder.Append(". ");
            }
            else
            {
                builder.Append(random.Next(15) == 0 ? '\n' : ' ');
            }
        }

        return builder.ToString();
    }

    /// <summary>One substitution, insertion or deletion of a letter or digit in the middle part of the text.</summary>
    public static string Mutate(Random random, string text)
    {
        int position = random.Next(text.Length / 4, (text.Length * 3 / 4) + 1);
        char replacement = (char)('a' + random.Next(26));
        return random.Next(3) switch
        {
            0 => string.Concat(text.AsSpan(0, position), replacement.ToString(), text.AsSpan(position + 1)),
            1 => string.Concat(text.AsSpan(0, position), replacement.ToString(), text.AsSpan(position)),
            _ => string.Concat(text.AsSpan(0, position), text.AsSpan(position + 1)),
        };
    }
}
