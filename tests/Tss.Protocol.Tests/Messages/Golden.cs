using Tss.Protocol.Schemas;

namespace Tss.Protocol.Tests.Messages;

/// <summary>Golden files of the event, inutilização and cadastro messages, and the schema assertion they share.</summary>
internal static class Golden
{
    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Events", name));

    public static void AssertValid(string xml, string expectedSchema)
    {
        var result = NfeSchemas.Shared.Validate(xml);
        Assert.Equal(expectedSchema, result.SchemaFile);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors.Select(e => $"{e.Element} {e.Line}:{e.Position} {e.Message}")));
        Assert.DoesNotContain("<?xml", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", xml, StringComparison.Ordinal);
    }
}
