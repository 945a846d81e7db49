using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Loading;
using EvidenceTracker.Tests.Support;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EvidenceTracker.Tests.Loading;

/// <summary>
/// The JSON Schemas in schemas/ are generated from the field catalogue that check uses, and agree with check's
/// verdict (valid or not) on every claim, source and settings file under tests/fixtures.
/// </summary>
public partial class SchemaTests
{
    /// <summary>Files where check and the schema disagree because of a check no JSON Schema can express.</summary>
    private static readonly Dictionary<string, string> Inexpressible = new(StringComparer.Ordinal)
    {
        ["schema-gaps/sources/feb-30.yaml"] = "a calendar-valid date: 2023-02-30 has the shape of a date, and no JSON Schema pattern can know February's length",
    };

    [Theory]
    [InlineData("claim")]
    [InlineData("source")]
    [InlineData("config")]
    public void The_committed_schema_equals_the_one_evidence_schema_prints(string kind)
    {
        var result = CliRunner.Run(TestPaths.Fixture("clean"), "schema", kind);
        Assert.Equal(0, result.ExitCode);
        var path = Path.Combine(TestPaths.RepoRoot, "schemas", $"{kind}.schema.json");
        if (Golden.Blessing)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, result.Out);
        }
        Assert.Equal(File.ReadAllText(path), result.Out);
        Assert.Equal($"https://evidencetracker.invalid/schemas/{kind}.schema.json", Schemas[kind].BaseUri.ToString());
    }

    /// <summary>The schemas, built once: JsonSchema.Net registers each by its $id.</summary>
    private static readonly Dictionary<string, JsonSchema> Schemas = JsonSchemas.Kinds.ToDictionary(k => k, k =>
    {
        using var w = new StringWriter();
        JsonSchemas.Write(k, w);
        return JsonSchema.FromText(w.ToString());
    });

    [Fact]
    public void An_unknown_schema_kind_is_a_usage_error()
    {
        var result = CliRunner.Run(TestPaths.Fixture("clean"), "schema", "article");
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void Check_and_the_json_schemas_agree_on_every_fixture_file()
    {
        var schemas = Schemas;
        var disagreements = new List<string>();
        var excluded = new List<string>();
        var compared = 0;
        foreach (var (root, files) in FixtureFiles())
        {
            var set = RepositoryLoader.Load(root);
            var invalid = set.LoadFindings
                .Where(f => f.Severity == Severity.Error && f.Rule is Rules.Schema or Rules.YamlSyntax && f.File is not null)
                .Select(f => f.File!).ToHashSet(StringComparer.Ordinal);
            foreach (var (relative, kind) in files)
            {
                var name = Path.GetRelativePath(TestPaths.Fixtures, Path.Combine(root, relative)).Replace('\\', '/');
                var checkValid = !invalid.Contains(relative);
                var schemaValid = ToJson(File.ReadAllBytes(Path.Combine(root, relative))) is { } json
                    && schemas[kind].Evaluate(json.Document.RootElement).IsValid;
                compared++;
                if (checkValid != schemaValid && Inexpressible.ContainsKey(name))
                {
                    excluded.Add(name);
                }
                else if (checkValid != schemaValid)
                {
                    disagreements.Add($"{name}: check says {(checkValid ? "valid" : "invalid")}, the schema {(schemaValid ? "valid" : "invalid")}");
                }
            }
        }
        Assert.True(compared > 50, $"only {compared} fixture files compared");
        Assert.Empty(disagreements);
        // Every exclusion is a real disagreement: the list cannot outlive its reason.
        Assert.Equal(Inexpressible.Keys.Order(StringComparer.Ordinal), excluded.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("claim", "id: a\nstatement: One.\nsuppress:\n  - rule: secondary-only\n", false)]
    [InlineData("claim", "id: a\nstatement: One.\nsuppress:\n  - rule: secondary-onyl\n    reason: r\n", false)]
    [InlineData("claim", "id: a\nstatement: One.\nsuppress:\n  - rule: secondary-only\n    reason: r\n", true)]
    [InlineData("config", "suppress:\n  - rule: unused-footnote\n    file: articles/a.md\n    reason: r\n", true)]
    [InlineData("config", "suppress:\n  - rule: unused-footnote\n    reason: r\n", false)]
    [InlineData("source", "id: s\ntype: news\ntitle: T\ndate: 2024-13-01\n", false)]
    [InlineData("source", "id: s\ntype: news\ntitle: T\npmid: 123456\n", true)]
    public void The_schemas_accept_suppressions_as_check_does(string kind, string yaml, bool valid)
    {
        using var json = ToJson(System.Text.Encoding.UTF8.GetBytes(yaml))!;
        Assert.Equal(valid, Schemas[kind].Evaluate(json.Document.RootElement).IsValid);
    }

    [Theory]
    [InlineData("url: \"https://a.example/\\u202Etxt.exe\"", false)]
    [InlineData("archive-url: \"HTTP://A.B/\\0\"", false)]
    [InlineData("url: \"https://a.example/\\u200Bx\"", false)]
    [InlineData("url: \"https://a.example/\\u00ADx\"", false)]
    [InlineData("url: \"http://exa\\u180Emple.com/a\"", false)]
    [InlineData("url: \"http://exa\\uFFF9mple.com/a\"", false)]
    [InlineData("url: \"http://exa\\U000E0001mple.com/a\"", false)]
    [InlineData("url: \"http://exa\\uFE0Fmple.com/a\"", false)]
    [InlineData("url: \"http://exa\\u034Fmple.com/a\"", false)]
    [InlineData("url: \"http://exa\\u3164mple.com/a\"", false)]
    [InlineData("url: \"http://exa\\u061Cmple.com/a\"", false)]
    [InlineData("doi: \"10.1000/a\\u061Cb\"", false)]
    [InlineData("doi: \"10.1000/a\\u3164b\"", false)]
    [InlineData("url: \"https://a.example/%E2%80%AEtxt\"", true)]
    [InlineData("url: \"https://\\u4F8B\\u3048.jp/\\U0001F600\"", true)]
    [InlineData("url: \"https://a.example/\\u00E9t\\u00E9\"", true)]
    public void Check_and_the_schema_refuse_a_url_or_doi_holding_an_invisible_or_control_character(string field, bool valid)
    {
        var yaml = $"id: s\ntype: news\ntitle: T\n{field}\n";
        using var json = ToJson(System.Text.Encoding.UTF8.GetBytes(yaml))!;
        Assert.Equal(valid, Schemas["source"].Evaluate(json.Document.RootElement).IsValid);
        var sink = new EvidenceTracker.Diagnostics.FindingSink("sources/s.yaml");
        EvidenceTracker.Loading.DocumentReaders.ReadSource(EvidenceTracker.Yaml.YamlTreeReader.Read(yaml, sink), sink);
        var errors = sink.Findings.Where(f => f.Severity == EvidenceTracker.Diagnostics.Severity.Error).ToList();
        Assert.Equal(valid, errors.Count == 0);
        Assert.All(errors, e => Assert.Matches("invisible or control character|is not a DOI", e.Message));
    }

    [Fact]
    public void The_invisible_characters_of_the_check_and_of_the_schema_patterns_are_the_same_set()
    {
        var regex = new System.Text.RegularExpressions.Regex($"^[{EvidenceTracker.Model.Values.InvisibleCharacters}]$");
        var differ = Enumerable.Range(0, 0x10000).Select(i => (char)i)
            .Where(c => regex.IsMatch(c.ToString()) != EvidenceTracker.Model.Values.IsInvisible(c)).Select(c => $"U+{(int)c:X4}").ToList();
        Assert.Empty(differ);
        // every control and formatting character of the Basic Multilingual Plane is in it
        Assert.All(Enumerable.Range(0, 0x10000).Select(i => (char)i).Where(c => char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format),
            c => Assert.True(EvidenceTracker.Model.Values.IsInvisible(c), $"U+{(int)c:X4}"));
    }

    /// <summary>Each evidence root under tests/fixtures with its claim, source and settings files (paths relative to it).</summary>
    private static IEnumerable<(string Root, List<(string Relative, string Kind)> Files)> FixtureFiles()
    {
        var roots = new SortedDictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        void Add(string root, string relative, string kind)
        {
            if (!roots.TryGetValue(root, out var list))
            {
                roots[root] = list = [];
            }
            list.Add((relative.Replace('\\', '/'), kind));
        }
        foreach (var file in Directory.EnumerateFiles(TestPaths.Fixtures, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (new FileInfo(file).LinkTarget is not null)
            {
                continue;
            }
            var parts = Path.GetRelativePath(TestPaths.Fixtures, file).Replace('\\', '/').Split('/');
            if (parts[^1] == "evidence.yaml")
            {
                Add(Path.GetDirectoryName(file)!, "evidence.yaml", "config");
                continue;
            }
            if (!file.EndsWith(".yaml", StringComparison.Ordinal))
            {
                continue;
            }
            var claims = Array.IndexOf(parts, "claims");
            if (claims > 0)
            {
                var root = Path.Combine(TestPaths.Fixtures, string.Join('/', parts[..claims]));
                Add(root, string.Join('/', parts[claims..]), "claim");
            }
            else if (parts.Length >= 3 && parts[^2] == "sources")
            {
                var root = Path.Combine(TestPaths.Fixtures, string.Join('/', parts[..^2]));
                Add(root, "sources/" + parts[^1], "source");
            }
        }
        return roots.Select(r => (r.Key, r.Value));
    }

    /// <summary>YAML as an editor's language server reads it (YAML 1.2 core types), or null when it is not one valid document.</summary>
    private static JsonHolder? ToJson(byte[] bytes)
    {
        try
        {
            var text = new System.Text.UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF');
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count > 1)
            {
                return null;
            }
            var node = stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode, 0);
            return new JsonHolder(JsonDocument.Parse(node?.ToJsonString() ?? "null"));
        }
        catch (Exception ex) when (ex is YamlException or System.Text.DecoderFallbackException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    private static JsonNode? Convert(YamlNode node, int depth)
    {
        if (depth > 64)
        {
            throw new InvalidOperationException("too deep");
        }
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (k, v) in map.Children)
                {
                    if (k is not YamlScalarNode key)
                    {
                        throw new InvalidOperationException("a key that is not text");
                    }
                    obj.Add(key.Value ?? "", Convert(v, depth + 1));
                }
                return obj;
            case YamlSequenceNode seq:
                var arr = new JsonArray();
                foreach (var item in seq.Children)
                {
                    arr.Add(Convert(item, depth + 1));
                }
                return arr;
            case YamlScalarNode scalar:
                var value = scalar.Value ?? "";
                if (scalar.Style is ScalarStyle.Plain && (!scalar.Tag.IsEmpty ? false : true))
                {
                    if (value is "" or "~" or "null" or "Null" or "NULL")
                    {
                        return null;
                    }
                    if (value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
                    {
                        return JsonValue.Create(value.StartsWith('t') || value.StartsWith('T'));
                    }
                    if (IntPattern().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
                    {
                        return JsonValue.Create(l);
                    }
                    if (FloatPattern().IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
                    {
                        return JsonValue.Create(d);
                    }
                }
                return JsonValue.Create(value);
            default:
                throw new InvalidOperationException("an unknown node");
        }
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();

    private sealed class JsonHolder(JsonDocument document) : IDisposable
    {
        public JsonDocument Document { get; } = document;

        public void Dispose() => Document.Dispose();
    }
}
