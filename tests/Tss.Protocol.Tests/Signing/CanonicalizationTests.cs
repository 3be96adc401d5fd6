using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Tss.Protocol.Signing;
using static Tss.Protocol.Tests.Signing.SigningFixtures;

namespace Tss.Protocol.Tests.Signing;

public class CanonicalizationTests
{
    public static TheoryData<string, string> Fixtures => All;

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Our_c14n_produces_the_same_bytes_as_the_dotnet_transform(string fixture, string element)
    {
        var document = Load(fixture);
        foreach (var target in document.GetElementsByTagName(element, "*").OfType<XmlElement>())
        {
            var ours = InclusiveC14N.Canonicalize(target);
            var theirs = DotNetCanonical(target);
            Assert.Equal(Encoding.UTF8.GetString(theirs), Encoding.UTF8.GetString(ours));
            Assert.Equal(SHA1.HashData(theirs), InclusiveC14N.ComputeSha1(target));
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void With_a_document_root_our_c14n_matches_the_dotnet_transform_on_that_root_alone(string fixture, string element)
    {
        var document = Load(fixture);
        foreach (var target in document.GetElementsByTagName(element, "*").OfType<XmlElement>())
        {
            var root = (XmlElement)target.ParentNode!;

            var ours = InclusiveC14N.Canonicalize(target, documentRoot: root);

            Assert.Equal(Encoding.UTF8.GetString(DotNetCanonical(target, root)), Encoding.UTF8.GetString(ours));
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void SignedInfo_canonicalizes_like_the_dotnet_transform(string fixture, string element)
    {
        var document = Load(fixture);
        var target = First(document, element);
        new XmlDsigSigner(Signer).Sign(target);
        var signedInfo = Dsig(SigningFixtures.Signature(target), "SignedInfo");
        var root = (XmlElement)target.ParentNode!;

        Assert.Equal(DotNetCanonical(signedInfo), InclusiveC14N.Canonicalize(signedInfo));
        Assert.Equal(DotNetCanonical(signedInfo, root), InclusiveC14N.Canonicalize(signedInfo, documentRoot: root));
    }

    [Fact]
    public void Declarations_above_the_document_root_are_ignored_unless_a_name_uses_them()
    {
        var document = Parse(
            "<env:Envelope xmlns:env='urn:soap' xmlns:xsi='urn:xsi' xmlns:u='urn:u'><env:Body><lot xmlns='urn:nfe'>"
            + "<NFe><inf Id='x' u:a='1'><item xsi:type='t'/></inf></NFe></lot></env:Body></env:Envelope>");
        var inf = First(document, "inf");

        var canonical = Encoding.UTF8.GetString(InclusiveC14N.Canonicalize(inf, documentRoot: (XmlElement)inf.ParentNode!));

        Assert.Equal("<inf xmlns=\"urn:nfe\" xmlns:u=\"urn:u\" Id=\"x\" u:a=\"1\"><item xmlns:xsi=\"urn:xsi\" xsi:type=\"t\"></item></inf>", canonical);
    }

    [Fact]
    public void Document_root_must_be_an_ancestor()
    {
        var document = Parse("<r><a/><b/></r>");

        Assert.Throws<ArgumentException>(() => InclusiveC14N.Canonicalize(First(document, "a"), documentRoot: First(document, "b")));
    }

    [Fact]
    public void Apex_carries_the_namespaces_in_scope_from_its_ancestors()
    {
        var document = Parse("<a xmlns='urn:a' xmlns:p='urn:p' xmlns:z='urn:z'><b xmlns:q='urn:q'><c Id='x'/></b></a>");

        var canonical = Canonical(document, "c");

        Assert.Equal("<c xmlns=\"urn:a\" xmlns:p=\"urn:p\" xmlns:q=\"urn:q\" xmlns:z=\"urn:z\" Id=\"x\"></c>", canonical);
    }

    [Fact]
    public void Redundant_declarations_below_the_apex_are_not_repeated()
    {
        var document = Parse("<r xmlns='urn:a'><c xmlns:p='urn:p'><d xmlns='urn:a' xmlns:p='urn:p'><p:e xmlns:p='urn:p'/></d></c></r>");

        Assert.Equal("<c xmlns=\"urn:a\" xmlns:p=\"urn:p\"><d><p:e></p:e></d></c>", Canonical(document, "c"));
    }

    [Fact]
    public void Empty_default_namespace_is_rendered_only_to_undeclare_a_default_in_output()
    {
        var document = Parse("<r><c xmlns=''><d xmlns='urn:d'><e xmlns=''><f xmlns=''/></e></d></c></r>");

        Assert.Equal("<c><d xmlns=\"urn:d\"><e xmlns=\"\"><f></f></e></d></c>", Canonical(document, "c"));
    }

    [Fact]
    public void Attributes_are_sorted_by_namespace_then_local_name_after_the_declarations()
    {
        var document = Parse("<c xmlns:b='urn:b' xmlns:a='urn:a' z='1' b:y='2' a:y='3' a='4' xmlns='urn:d' a:x='5'/>");

        Assert.Equal(
            "<c xmlns=\"urn:d\" xmlns:a=\"urn:a\" xmlns:b=\"urn:b\" a=\"4\" z=\"1\" a:x=\"5\" a:y=\"3\" b:y=\"2\"></c>",
            Canonical(document, "c"));
    }

    [Fact]
    public void Text_and_attribute_values_are_escaped_as_the_spec_says()
    {
        var document = Parse("<c a='&amp; &lt; &gt; &quot; &apos; &#9; &#10; &#13;'>&amp; &lt; &gt; \" ' &#9; &#10; &#13;<![CDATA[<&>]]></c>");

        Assert.Equal(
            "<c a=\"&amp; &lt; > &quot; ' &#x9; &#xA; &#xD;\">&amp; &lt; &gt; \" ' \t \n &#xD;&lt;&amp;&gt;</c>",
            Canonical(document, "c"));
    }

    [Fact]
    public void Comments_are_removed_and_processing_instructions_kept()
    {
        var document = Parse("<c><!-- note --><?pi  data here?><?bare?>x</c>");

        Assert.Equal("<c><?pi data here?><?bare?>x</c>", Canonical(document, "c"));
    }

    [Fact]
    public void Non_ascii_text_is_written_as_utf8()
    {
        var document = Parse("<c v='ção'>João 𝄞 €</c>");

        var bytes = InclusiveC14N.Canonicalize(First(document, "c"));

        Assert.Equal(Encoding.UTF8.GetBytes("<c v=\"ção\">João 𝄞 €</c>"), bytes);
    }

    [Fact]
    public void Xml_attributes_of_ancestors_are_inherited_by_the_apex()
    {
        var document = Parse("<r xml:lang='pt-BR' xml:space='preserve'><m xml:lang='en'><c a='1'/></m></r>");

        Assert.Equal("<c a=\"1\" xml:lang=\"en\" xml:space=\"preserve\"></c>", Canonical(document, "c"));
    }

    [Fact]
    public void Excluded_subtree_is_left_out()
    {
        var document = Parse("<c><a/><ds:Signature xmlns:ds='urn:ds'><x/></ds:Signature><b/></c>");
        var c = First(document, "c");

        var canonical = InclusiveC14N.Canonicalize(c, First(document, "Signature"));

        Assert.Equal("<c><a></a><b></b></c>", Encoding.UTF8.GetString(canonical));
    }

    [Fact]
    public void Namespaces_used_in_a_dom_built_in_code_are_declared_as_a_serializer_would()
    {
        var document = new XmlDocument();
        var root = document.AppendChild(document.CreateElement("r", "urn:r"))!;
        var child = (XmlElement)root.AppendChild(document.CreateElement("p", "c", "urn:p"))!;
        var attribute = document.CreateAttribute("q", "a", "urn:q");
        attribute.Value = "1";
        child.Attributes.Append(attribute);
        var reparsed = Parse(document.OuterXml);

        Assert.Equal(InclusiveC14N.Canonicalize(First(reparsed, "c")), InclusiveC14N.Canonicalize(child));
    }

    [Fact]
    public void Deeply_nested_documents_do_not_overflow_the_stack()
    {
        const int depth = 20_000;
        var document = new XmlDocument();
        XmlNode parent = document.AppendChild(document.CreateElement("c"))!;
        for (var i = 0; i < depth; i++)
        {
            parent = parent.AppendChild(document.CreateElement("d"))!;
        }

        var canonical = InclusiveC14N.Canonicalize(document.DocumentElement!);

        Assert.Equal(("<c>".Length + "</c>".Length) + (depth * ("<d>".Length + "</d>".Length)), canonical.Length);
    }

    private static string Canonical(XmlDocument document, string element) =>
        Encoding.UTF8.GetString(InclusiveC14N.Canonicalize(First(document, element)));
}
