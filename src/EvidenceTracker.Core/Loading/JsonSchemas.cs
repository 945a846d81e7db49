using System.Text.Json;
using EvidenceTracker.Reporting;

namespace EvidenceTracker.Loading;

/// <summary>
/// JSON Schemas (draft 2020-12) of claim, source and settings files, generated from <see cref="FieldCatalogue"/>.
/// YAML scalars are read by editors as text, numbers or booleans, so a text field accepts all three, as <c>check</c>
/// does. What a schema cannot say, <c>check</c> still does: calendar-valid dates, URLs that parse, snapshot paths
/// inside sources/, and every rule across files (ids equal to file names, unknown sources, cycles).
/// </summary>
public static class JsonSchemas
{
    public static readonly string[] Kinds = ["claim", "source", "config"];

    private static readonly string[] Scalar = ["string", "number", "boolean"];

    public static void Write(string kind, TextWriter writer)
    {
        var (title, fields, rootMayBeEmpty) = kind switch
        {
            "claim" => ("EvidenceTracker claim file (claims/<id>.yaml)", FieldCatalogue.Claim, false),
            "source" => ("EvidenceTracker source file (sources/<id>.yaml)", FieldCatalogue.Source, false),
            "config" => ("EvidenceTracker settings (evidence.yaml)", FieldCatalogue.Config, true),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown schema kind"),
        };
        Json.Write(writer, json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
            json.WriteString("$id", $"https://evidencetracker.invalid/schemas/{kind}.schema.json");
            json.WriteString("title", title);
            if (rootMayBeEmpty)
            {
                json.WriteStartArray("type");
                json.WriteStringValue("object");
                json.WriteStringValue("null");
                json.WriteEndArray();
                WriteFields(json, fields, withType: false);
            }
            else
            {
                WriteFields(json, fields, withType: true);
            }
            json.WriteEndObject();
        });
    }

    private static void WriteFields(Utf8JsonWriter json, IReadOnlyList<FieldSpec> fields, bool withType)
    {
        if (withType)
        {
            json.WriteString("type", "object");
        }
        json.WriteStartObject("properties");
        foreach (var field in fields)
        {
            json.WriteStartObject(field.Name);
            json.WriteString("description", field.Description);
            WriteKind(json, field);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        var required = fields.Where(f => f.Required).Select(f => f.Name).ToList();
        if (required.Count > 0)
        {
            json.WriteStrings("required", required);
        }
        json.WriteBoolean("additionalProperties", false);
    }

    private static void Types(Utf8JsonWriter json, bool nullable, params string[] types)
    {
        json.WriteStartArray("type");
        foreach (var t in types)
        {
            json.WriteStringValue(t);
        }
        if (nullable)
        {
            json.WriteStringValue("null");
        }
        json.WriteEndArray();
    }

    /// <summary>
    /// Kinds that are a string of one shape. Some may also be written as a bare number (a year, a PubMed id, an ISBN),
    /// within a range where one is given.
    /// </summary>
    private static readonly Dictionary<FieldKind, (string Pattern, bool OrInteger, (long, long)? Range)> Patterns = new()
    {
        [FieldKind.Date] = (@"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$", true, (1000, 9999)),
        [FieldKind.Pmid] = (@"^\d{1,10}$", true, (0, 9999999999)),
        [FieldKind.Url] = ($@"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#{Model.Values.InvisibleCharacters}]+[^\s{Model.Values.InvisibleCharacters}]*$", false, null),
        [FieldKind.Doi] = (@"^10\.[0-9]{4,9}/(?!(?:[.\u2024\uFE52\uFF0E\u3002]|%2[Ee]){1,2}(?:/|$))(?!.*/(?:[.\u2024\uFE52\uFF0E\u3002]|%2[Ee]){1,2}(?:/|$))[^\s?#\\" + Model.Values.InvisibleCharacters + "]+$", false, null),
        [FieldKind.Pmcid] = (@"^PMC\d{1,10}$", false, null),
        [FieldKind.Arxiv] = (@"^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?/\d{7})(v\d+)?$", false, null),
        [FieldKind.Isbn] = (@"^[0-9Xx -]{10,17}$", true, null),
        [FieldKind.Lang] = ("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$", false, null),
        [FieldKind.Sha256] = ("^[0-9a-f]{64}$", false, null),
    };

    private static void WriteKind(Utf8JsonWriter json, FieldSpec field)
    {
        // An optional field may be left empty (null); a required one may not.
        var nullable = !field.Required;
        switch (field.Kind)
        {
            case FieldKind.Text:
                Types(json, nullable, Scalar);
                if (field.Required)
                {
                    json.WriteString("pattern", @"\S");
                }
                break;
            case FieldKind.Slug:
                WriteSlug(json, nullable);
                break;
            case FieldKind.Choice:
                json.WriteStartArray("enum");
                foreach (var c in field.Choices!)
                {
                    json.WriteStringValue(c);
                }
                if (nullable)
                {
                    json.WriteNullValue();
                }
                json.WriteEndArray();
                break;
            case var kind when Patterns.TryGetValue(kind, out var shape):
                if (shape.OrInteger)
                {
                    Types(json, nullable, "string", "integer");
                }
                else
                {
                    Types(json, nullable, "string");
                }
                json.WriteString("pattern", shape.Pattern);
                if (shape.Range is var (minimum, maximum))
                {
                    json.WriteNumber("minimum", minimum);
                    json.WriteNumber("maximum", maximum);
                }
                break;
            case FieldKind.TextList:
                Types(json, nullable, "array");
                json.WriteStartObject("items");
                Types(json, false, Scalar);
                json.WriteString("pattern", @"\S");
                json.WriteEndObject();
                break;
            case FieldKind.SlugList:
                Types(json, nullable, "array");
                json.WriteStartObject("items");
                WriteSlug(json, false);
                json.WriteEndObject();
                break;
            case FieldKind.Citations:
                WriteObjectList(json, FieldCatalogue.Citation);
                break;
            case FieldKind.Suppressions:
                WriteObjectList(json, FieldCatalogue.Suppression);
                break;
            case FieldKind.ConfigSuppressions:
                WriteObjectList(json, FieldCatalogue.ConfigSuppression);
                break;
            case FieldKind.Severities:
                Types(json, true, "object");
                json.WriteStartObject("propertyNames");
                json.WriteStrings("enum", FieldCatalogue.Suppression[0].Choices!);
                json.WriteEndObject();
                json.WriteStartObject("additionalProperties");
                json.WriteStrings("enum", FieldCatalogue.SeverityNames);
                json.WriteEndObject();
                break;
            case FieldKind.WordLists:
                Types(json, true, "object");
                json.WriteStartObject("additionalProperties");
                json.WriteString("type", "array");
                json.WriteStartObject("items");
                Types(json, true, Scalar);
                json.WriteEndObject();
                json.WriteEndObject();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(field), field.Kind, "unknown field kind");
        }
    }

    private static void WriteSlug(Utf8JsonWriter json, bool nullable)
    {
        // A slug of digits only reads as a YAML integer.
        Types(json, nullable, "string", "integer");
        json.WriteString("pattern", "^[a-z0-9]+(-[a-z0-9]+)*$");
        json.WriteNumber("maxLength", 80);
        json.WriteNumber("minimum", 0);
    }

    private static void WriteObjectList(Utf8JsonWriter json, IReadOnlyList<FieldSpec> fields)
    {
        Types(json, true, "array");
        json.WriteStartObject("items");
        WriteFields(json, fields, withType: true);
        json.WriteEndObject();
    }
}
