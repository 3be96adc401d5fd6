using System.Xml;
using Tss.Protocol.Xml;

namespace Tss.Cli;

internal static class InputFile
{
    /// <summary>Reads an XML file through SafeXml; prints the stable error code and returns null when refused.</summary>
    public static XmlDocument? LoadXml(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"file not found: {path}");
        }
        try
        {
            return SafeXml.Load(File.ReadAllBytes(path));
        }
        catch (XmlInputException e)
        {
            Console.Error.WriteLine($"tss: {path}: {e.Code}: {e.Message}");
            return null;
        }
    }
}
