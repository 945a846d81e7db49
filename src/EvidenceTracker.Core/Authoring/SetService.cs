using System.Text.RegularExpressions;
using EvidenceTracker.Diagnostics;
using EvidenceTracker.Loading;
using EvidenceTracker.Model;
using EvidenceTracker.Storage;
using EvidenceTracker.Yaml;

namespace EvidenceTracker.Authoring;

/// <summary>
/// Sets or clears one field of a claim or source in place (<see cref="FieldEditor"/>), validated as <c>add</c>
/// validates: the value goes through the readers <c>check</c> runs, and an edit that would add an error is refused
/// with the file untouched. The read, the edit and the rename happen under the folder's <see cref="EditLock"/>.
/// </summary>
public static partial class SetService
{
    private static readonly string[] CitationFields = ["quote", "locator", "stance"];

    [GeneratedRegex(@"^citations\[(?<source>[^\]]*)\]\.(?<field>[a-z-]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex CitationPath();

    public static WriteResult Set(SetFieldSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var root = RepositoryLoader.ResolveRoot(s.Root);
        var claimFiles = AuthoringService.ClaimFiles(root);
        var sourceIds = AuthoringService.Ids(root, "sources", recursive: false);
        var isClaim = s.Kind != "source" && claimFiles.ContainsKey(s.Id);
        var isSource = s.Kind != "claim" && sourceIds.Contains(s.Id);
        if (isClaim && isSource)
        {
            return WriteResult.Refused($"both a claim and a source have the id '{s.Id}'; say which with --kind claim or --kind source");
        }
        if (!isClaim && !isSource)
        {
            var known = (s.Kind == "source" ? Enumerable.Empty<string>() : claimFiles.Keys).Concat(s.Kind == "claim" ? [] : sourceIds);
            var hint = Values.Nearest(s.Id, known);
            return WriteResult.Refused(hint is not null
                ? $"no claim or source has the id '{s.Id}'; did you mean '{hint}'?"
                : $"no claim or source has the id '{s.Id}' (see `evidence list claims` and `evidence list sources`)");
        }
        var kind = isClaim ? "claim" : "source";
        var file = isClaim ? claimFiles[s.Id] : Path.Combine(root, "sources", s.Id + ".yaml");
        var catalogue = isClaim ? FieldCatalogue.Claim : FieldCatalogue.Source;

        string? citation = null;
        FieldSpec? spec;
        var field = s.Field;
        if (CitationPath().Match(field) is { Success: true } path)
        {
            if (!isClaim)
            {
                return WriteResult.Refused($"'{field}': only a claim has citations; '{s.Id}' is a source");
            }
            citation = path.Groups["source"].Value;
            field = path.Groups["field"].Value;
            spec = FieldCatalogue.Citation.FirstOrDefault(f => f.Name == field && CitationFields.Contains(f.Name));
            if (spec is null)
            {
                return WriteResult.Refused(Unknown($"citations[{citation}].{field}", field, CitationFields, "a citation's"));
            }
        }
        else
        {
            spec = catalogue.FirstOrDefault(f => f.Name == field);
            if (spec is null)
            {
                return WriteResult.Refused(Unknown(field, field, FieldCatalogue.NamesOf(catalogue), $"a {kind}'s"));
            }
            switch (spec.Kind)
            {
                case FieldKind.Slug when field == "id":
                    return WriteResult.Refused($"'id' is renamed with `evidence mv {s.Id} NEW`, which also renames the file and every reference to it");
                case FieldKind.Citations:
                    return WriteResult.Refused($"citations are added with `evidence cite {s.Id} SOURCE`, and their fields set as citations[SOURCE].quote, .locator or .stance");
                case FieldKind.Suppressions:
                    return WriteResult.Refused("'suppress' entries (a rule and its reason) are edited by hand");
                default:
                    break;
            }
        }

        var isList = spec.Kind is FieldKind.TextList or FieldKind.SlugList;
        var values = s.Values;
        if (s.Clear)
        {
            if (values.Count > 0)
            {
                return WriteResult.Refused($"--clear removes '{s.Field}'; give no value with it");
            }
            if (spec.Required)
            {
                return WriteResult.Refused($"'{s.Field}' is required in a {kind}; it can be changed, not cleared");
            }
        }
        else
        {
            if (values.Count == 0)
            {
                return WriteResult.Refused($"give a value for '{s.Field}', or --clear to remove it");
            }
            if (values.Any(v => v.Length == 0))
            {
                return WriteResult.Refused($"an empty value for '{s.Field}' sets nothing; use --clear to remove the field");
            }
            if (!isList && values.Count > 1)
            {
                return WriteResult.Refused($"'{s.Field}' takes one value, not {values.Count}; quote a value that holds spaces");
            }
            if (Normalized(spec.Kind, values[0]) is var (normal, problem))
            {
                if (problem is not null)
                {
                    return WriteResult.Refused(problem);
                }
                values = [normal!];
            }
            if (field == "reports-on" && citation is null)
            {
                var unknown = values.Where(v => !sourceIds.Contains(v)).Select(v => Values.Nearest(v, sourceIds) is { } h
                    ? $"reports-on: no source has the id '{v}'; did you mean '{h}'?"
                    : $"reports-on: no source has the id '{v}'; add it with `evidence add source`").ToArray();
                if (unknown.Length > 0)
                {
                    return WriteResult.Refused(unknown);
                }
                if (!isClaim && values.Contains(s.Id, StringComparer.Ordinal))
                {
                    return WriteResult.Refused($"reports-on: source '{s.Id}' cannot report on itself (check reports it under schema); nothing was written");
                }
            }
        }

        using var edit = LockedEdit.Open(root, file, isClaim ? "claims" : "sources", $"{kind} '{s.Id}'", s.LockTimeout);
        if (edit.Original is not { } original)
        {
            return WriteResult.Refused([.. edit.Problems]);
        }
        var rel = edit.Rel;
        var readSink = edit.Before;
        Read(isClaim, original, readSink);
        string? edited;
        string? why;
        if (s.Clear)
        {
            edited = FieldEditor.Remove(original, citation, field, out why);
        }
        else if (isList)
        {
            edited = FieldEditor.SetList(original, field, values, out why);
        }
        else
        {
            edited = FieldEditor.SetScalar(original, citation, field, values[0], out why);
        }
        if (edited is null)
        {
            return WriteResult.Refused($"cannot edit {rel}: {why}");
        }
        var sink = new FindingSink(rel);
        var record = Read(isClaim, edited, sink);
        var added = edit.NewErrors(sink, edited);
        if (added.Count > 0 || record is null)
        {
            return WriteResult.Refused([.. added.DefaultIfEmpty($"the edit of {rel} would not read back as a {kind}")]);
        }
        if (edited != original)
        {
            edit.Write(edited);
        }
        return new WriteResult { Id = s.Id, Path = rel, Claim = record as Claim, Source = record as Source };
    }

    /// <summary>Identifiers stored as <c>add source</c> stores them (a DOI bare and lowercase…); null where nothing changes.</summary>
    private static (string? Value, string? Problem)? Normalized(FieldKind kind, string value) => kind switch
    {
        FieldKind.Doi => Values.NormalizeDoi(value) is { } doi ? (doi, null)
            : (null, $"'{value}' is not a DOI; give 10.xxxx/…, doi:10.xxxx/… or https://doi.org/10.xxxx/…"),
        FieldKind.Pmid => Values.NormalizePmid(value) is { } pmid ? (pmid, null) : null,
        FieldKind.Arxiv => Values.NormalizeArxiv(value) is { } arxiv ? (arxiv, null) : null,
        _ => null,
    };

    private static object? Read(bool isClaim, string text, FindingSink sink)
    {
        var tree = YamlTreeReader.Read(text, sink);
        return isClaim ? DocumentReaders.ReadClaim(tree, sink) : DocumentReaders.ReadSource(tree, sink);
    }

    private static string Unknown(string given, string name, IReadOnlyList<string> known, string whose)
    {
        var hint = Values.Nearest(name, known);
        return hint is not null
            ? $"'{given}' is not {whose} field; did you mean '{hint}'?"
            : $"'{given}' is not {whose} field; the fields are {string.Join(", ", known)}";
    }
}
