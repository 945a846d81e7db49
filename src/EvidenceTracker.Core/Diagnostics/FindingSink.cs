namespace EvidenceTracker.Diagnostics;

/// <summary>Collects findings for one file; positions come from the YAML parser's marks.</summary>
public sealed class FindingSink(string file)
{
    private readonly List<Finding> _findings = [];

    public string File { get; } = file;
    public IReadOnlyList<Finding> Findings => _findings;

    public string? Claim { get; set; }
    public string? Source { get; set; }
    public string? Article { get; set; }

    public void Add(string rule, string message, Position? at) => Add(rule, Rules.DefaultSeverity(rule), message, at);

    /// <summary>A finding with a severity other than its rule's default (a warning under <c>schema</c>, for example).</summary>
    public void Add(string rule, Severity severity, string message, Position? at) =>
        _findings.Add(new Finding
        {
            Rule = rule,
            Severity = severity,
            Message = message,
            File = File,
            Line = at?.Line,
            Column = at?.Column,
            Claim = Claim,
            Source = Source,
            Article = Article,
        });
}
