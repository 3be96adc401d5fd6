using System.Text;
using System.Xml;
using Tss.Protocol.AccessKeys;
using Tss.Protocol.Messages;
using Tss.Protocol.Schemas;
using Tss.Protocol.Signing;

namespace Tss.Cli.Commands;

/// <summary><c>tss validate IN.xml</c>: schema, access-key and signature report; exit 1 when anything fails.</summary>
internal static class ValidateCommand
{
    private static readonly (string Element, string Name)[] Signed =
        [("infNFe", "NFe"), ("infEvento", "evento"), ("infInut", "inutNFe")];

    public static int Run(CommandLine cmd)
    {
        var input = cmd.Positional.Count == 1 ? cmd.Positional[0] : throw new UsageException("validate needs exactly one input file");
        var doc = InputFile.LoadXml(input);
        if (doc is null)
        {
            return 1;
        }
        var ok = true;
        var schema = NfeSchemas.Shared.Validate(Encoding.UTF8.GetString(File.ReadAllBytes(input)));
        if (schema.IsValid)
        {
            Console.WriteLine($"schema    ok    {schema.SchemaFile} ({NfeSchemas.PackageName})");
        }
        else
        {
            ok = false;
            Console.WriteLine($"schema    FAIL  {schema.SchemaFile} ({NfeSchemas.PackageName})");
            foreach (var e in schema.Errors.Take(50))
            {
                Console.WriteLine($"  line {e.Line}, col {e.Position}, <{e.Element}>: {e.Message}");
            }
        }

        foreach (XmlElement nfe in doc.GetElementsByTagName("NFe", NfeNamespaces.Nfe))
        {
            var key = NfeKeyConsistency.ReadKey(nfe) ?? "(no key)";
            var issues = NfeKeyConsistency.Check(nfe);
            if (issues.Count == 0)
            {
                Console.WriteLine($"key       ok    {key}");
            }
            else
            {
                ok = false;
                foreach (var issue in issues)
                {
                    Console.WriteLine($"key       FAIL  {key}: cStat {issue.cStat}: {issue.Message}");
                }
            }
        }

        foreach (var (element, _) in Signed)
        {
            foreach (XmlElement signed in doc.GetElementsByTagName(element, NfeNamespaces.Nfe))
            {
                var id = signed.GetAttribute("Id");
                var check = SignatureVerifier.Verify(signed);
                if (check.IsValid)
                {
                    Console.WriteLine($"signature ok    {id} ({check.Certificate?.Subject})");
                }
                else
                {
                    ok = false;
                    Console.WriteLine($"signature FAIL  {id}: {check.Failure}: {check.Detail}");
                }
            }
        }
        return ok ? 0 : 1;
    }
}
