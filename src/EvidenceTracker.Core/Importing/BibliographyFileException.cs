
namespace EvidenceTracker.Importing;

/// <summary>A bibliography file that cannot be read at all (missing, unreadable, of no known format): a usage error.</summary>
public sealed class BibliographyFileException(string message) : Exception(message)
{
    public BibliographyFileException()
        : this("cannot read the bibliography")
    {
    }

    public BibliographyFileException(string message, Exception inner)
        : this(message) => _ = inner;
}
