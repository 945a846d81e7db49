using EvidenceTracker.Bibliography;
using EvidenceTracker.Loading;
using EvidenceTracker.Reporting;

// Every source of each evidence repository named on the command line, formatted by ReferenceFormatter in every
// style as plain text and as HTML, in the order and with the ids of `evidence export` (first of a duplicate id):
// [{"root": DIR, "id": ID, "gb-t-7714": {"text": …, "html": …}, "apa": {…}, "vancouver": {…}}, …]
if (args.Length == 0 || args.Any(a => a.StartsWith('-')))
{
    Console.Error.WriteLine("usage: FormatReferences DIR [DIR…]");
    return 2;
}
Json.Write(Console.Out, json =>
{
    json.WriteStartArray();
    foreach (var root in args)
    {
        var set = RepositoryLoader.Load(root);
        var sources = set.Sources.GroupBy(s => s.Id, StringComparer.Ordinal).Select(g => g.First()).OrderBy(s => s.Id, StringComparer.Ordinal);
        foreach (var source in sources)
        {
            json.WriteStartObject();
            json.WriteString("root", root);
            json.WriteString("id", source.Id);
            foreach (var style in Enum.GetValues<ReferenceStyle>())
            {
                json.WriteStartObject(ReferenceFormatter.StyleName(style));
                json.WriteString("text", ReferenceFormatter.Format(source, style));
                json.WriteString("html", ReferenceFormatter.Format(source, style, ReferenceMarkup.Html));
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
    }
    json.WriteEndArray();
});
Console.Out.WriteLine();
return 0;
