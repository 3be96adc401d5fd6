using System.Diagnostics;
using System.Text;
using Tss.Protocol.Xml;

namespace Tss.Protocol.Tests.Security;

/// <summary>Attack: a document that is nothing but nesting, whose cost grew with the square of its depth.</summary>
public class DeepXmlTests
{
    private static string Nested(int depth, string tail = "")
    {
        var text = new StringBuilder(depth * 7 + tail.Length);
        for (var i = 0; i < depth; i++)
        {
            text.Append("<a>");
        }
        text.Append(tail);
        for (var i = 0; i < depth; i++)
        {
            text.Append("</a>");
        }
        return text.ToString();
    }

    [Fact]
    public void Document_nested_100000_levels_deep_is_refused_as_too_deep_in_well_under_100_ms()
    {
        var bytes = Encoding.UTF8.GetBytes(Nested(100_000));
        SafeXml.Load("<warm><up/></warm>"u8);

        var watch = Stopwatch.StartNew();
        var refused = Assert.Throws<XmlInputException>(() => SafeXml.Load(bytes));
        watch.Stop();

        TestContext.Current.TestOutputHelper?.WriteLine($"{bytes.Length:N0} bytes, 100,000 levels: refused in {watch.Elapsed.TotalMilliseconds:F2} ms");
        Assert.Equal(ProtocolErrorCodes.Xml.TooDeep, refused.Code);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}"); // generous: no test fails on a slow machine
    }

    [Fact]
    public void Deep_document_is_refused_after_reading_one_level_past_the_limit()
    {
        // Garbage right after level 65: a reader that went on would call it malformed, not too deep.
        var xml = string.Concat(Enumerable.Repeat("<a>", SafeXml.MaxDepth + 1)) + "<<<< not xml";

        Assert.Equal(ProtocolErrorCodes.Xml.TooDeep, Assert.Throws<XmlInputException>(() => SafeXml.Load(xml)).Code);
    }

    [Fact]
    public void Document_exactly_at_the_depth_limit_is_accepted()
    {
        var document = SafeXml.Load(Nested(SafeXml.MaxDepth, "fim"));

        Assert.Equal("fim", document.DocumentElement!.InnerText);
    }

    [Fact]
    public void Deep_string_input_is_refused_like_bytes()
    {
        Assert.Equal(ProtocolErrorCodes.Xml.TooDeep, Assert.Throws<XmlInputException>(() => SafeXml.Load(Nested(SafeXml.MaxDepth + 1))).Code);
    }

    [Fact]
    public void Deep_nesting_in_a_namespace_is_refused_too()
    {
        var xml = "<a xmlns=\"http://www.portalfiscal.inf.br/nfe\">" + Nested(10_000) + "</a>";

        Assert.Equal(ProtocolErrorCodes.Xml.TooDeep, Assert.Throws<XmlInputException>(() => SafeXml.Load(xml)).Code);
    }
}
