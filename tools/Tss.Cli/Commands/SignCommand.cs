using System.Text;
using System.Xml;
using Tss.Protocol.Signing;
using Tss.Protocol.Xml;

namespace Tss.Cli.Commands;

/// <summary><c>tss sign --pfx F --password P IN.xml</c>: the signed XML on stdout.</summary>
internal static class SignCommand
{
    private static readonly string[] SignableElements = ["infNFe", "infEvento", "infInut", "infCte", "infMDFe"];

    public static int Run(CommandLine cmd)
    {
        var input = cmd.Positional.Count == 1 ? cmd.Positional[0] : throw new UsageException("sign needs exactly one input file");
        using var cert = Pfx.Load(cmd.Require("pfx"), cmd.Require("password"));
        var doc = InputFile.LoadXml(input);
        if (doc is null)
        {
            return 1;
        }
        var element = SignableElements.FirstOrDefault(name => doc.GetElementsByTagName(name, Protocol.Messages.NfeNamespaces.Nfe).Count > 0)
            ?? SignableElements.FirstOrDefault(name => doc.GetElementsByTagName(name).Count > 0);
        if (element is null)
        {
            Console.Error.WriteLine("tss: nothing to sign: no infNFe, infEvento, infInut, infCte or infMDFe element");
            return 1;
        }
        var signer = new XmlDsigSigner(cert);
        signer.Sign(doc, element);
        using var stdout = Console.OpenStandardOutput();
        var bytes = new UTF8Encoding(false).GetBytes(doc.DocumentElement!.OuterXml);
        stdout.Write(bytes);
        return 0;
    }
}
