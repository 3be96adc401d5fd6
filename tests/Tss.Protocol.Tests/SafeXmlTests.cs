using System.Text;
using System.Xml;
using Tss.Protocol.Xml;

namespace Tss.Protocol.Tests;

public class SafeXmlTests
{
    private const string Valid = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><root a=\"1\">\n  <child>texto com acentuação</child>\n</root>";

    [Fact]
    public void Valid_utf8_bytes_load_with_whitespace_preserved()
    {
        var document = SafeXml.Load(Encoding.UTF8.GetBytes(Valid));

        Assert.Equal("root", document.DocumentElement!.LocalName);
        Assert.Equal("texto com acentuação", document.DocumentElement["child"]!.InnerText);
        Assert.Contains(document.DocumentElement.ChildNodes.Cast<XmlNode>(), n => n.NodeType == XmlNodeType.Whitespace);
        Assert.True(document.PreserveWhitespace);
    }

    [Fact]
    public void Utf8_bom_is_accepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Valid)).ToArray();

        Assert.Equal("root", SafeXml.Load(bytes).DocumentElement!.LocalName);
    }

    [Fact]
    public void String_input_is_accepted_with_or_without_declaration()
    {
        Assert.Equal("root", SafeXml.Load(Valid).DocumentElement!.LocalName);
        Assert.Equal("a", SafeXml.Load("<a/>").DocumentElement!.LocalName);
    }

    [Theory]
    [InlineData("ISO-8859-1")]
    [InlineData("windows-1252")]
    [InlineData("UTF-16")]
    public void Declaration_naming_another_encoding_is_refused(string encoding)
    {
        var ex = Assert.Throws<XmlInputException>(() => SafeXml.Load(Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"{encoding}\"?><a/>")));

        Assert.Equal(ProtocolErrorCodes.Xml.Encoding, ex.Code);
    }

    [Fact]
    public void Invalid_utf8_bytes_are_refused_as_encoding()
    {
        // "ação" in Latin-1: the bytes E7 E3 are not valid UTF-8.
        var latin1 = Encoding.Latin1.GetBytes("<a>ação</a>");

        Assert.Equal(ProtocolErrorCodes.Xml.Encoding, Assert.Throws<XmlInputException>(() => SafeXml.Load(latin1)).Code);
    }

    [Fact]
    public void Utf16_bytes_are_refused_as_encoding()
    {
        Assert.Equal(ProtocolErrorCodes.Xml.Encoding, Assert.Throws<XmlInputException>(() => SafeXml.Load(Encoding.Unicode.GetBytes("<a/>"))).Code);
        var withBom = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<a/>")).ToArray();
        Assert.Equal(ProtocolErrorCodes.Xml.Encoding, Assert.Throws<XmlInputException>(() => SafeXml.Load(withBom)).Code);
    }

    [Fact]
    public void Lone_surrogate_in_a_string_is_refused_as_encoding()
    {
        Assert.Equal(ProtocolErrorCodes.Xml.Encoding, Assert.Throws<XmlInputException>(() => SafeXml.Load("<a>\uD800</a>")).Code);
    }

    [Fact]
    public void External_entity_is_refused_and_nothing_is_read_or_fetched()
    {
        // A file that exists and a listening socket: with any resolver active one would be read, the other connected to.
        var secret = Path.Combine(Path.GetTempPath(), $"tss-xxe-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secret, "TOP-SECRET");
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        try
        {
            var xxe = $"<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY f SYSTEM \"file://{secret}\"><!ENTITY n SYSTEM \"http://127.0.0.1:{port}/x\">]><r>&f;&n;</r>";

            var ex = Assert.Throws<XmlInputException>(() => SafeXml.Load(Encoding.UTF8.GetBytes(xxe)));

            Assert.Equal(ProtocolErrorCodes.Xml.DtdProhibited, ex.Code);
            Assert.DoesNotContain("TOP-SECRET", ex.ToString());
            Assert.False(listener.Pending());
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void External_dtd_reference_is_refused_without_fetching()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;

        var ex = Assert.Throws<XmlInputException>(() => SafeXml.Load($"<!DOCTYPE r SYSTEM \"http://127.0.0.1:{port}/r.dtd\"><r/>"));

        Assert.Equal(ProtocolErrorCodes.Xml.DtdProhibited, ex.Code);
        Assert.False(listener.Pending());
    }

    [Fact]
    public void Resolver_that_would_fetch_is_never_consulted()
    {
        var spy = new SpyResolver();
        var settings = SafeXml.ReaderSettings(1000);

        // Even if a caller adds a resolver afterwards, Prohibit stops before any entity is resolved.
        settings.XmlResolver = spy;
        using var reader = XmlReader.Create(new StringReader("<!DOCTYPE r SYSTEM \"http://example.invalid/r.dtd\"><r/>"), settings);
        Assert.Throws<XmlException>(() => { while (reader.Read()) { } });
        Assert.Equal(0, spy.Calls);
    }

    [Fact]
    public void Billion_laughs_is_refused_quickly()
    {
        var lol = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            lol.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))};", 10))}\">");
        }

        lol.Append("]><lolz>&lol9;</lolz>");

        var ex = Assert.Throws<XmlInputException>(() => SafeXml.Load(lol.ToString()));

        Assert.Equal(ProtocolErrorCodes.Xml.DtdProhibited, ex.Code);
    }

    [Fact]
    public void Input_over_the_cap_is_refused_before_parsing()
    {
        // Not even well-formed: the cap must answer first.
        var big = new byte[2048];
        Array.Fill(big, (byte)'<');

        Assert.Equal(ProtocolErrorCodes.Xml.TooLarge, Assert.Throws<XmlInputException>(() => SafeXml.Load(big, maxBytes: 1024)).Code);
        Assert.Equal(ProtocolErrorCodes.Xml.TooLarge, Assert.Throws<XmlInputException>(() => SafeXml.Load(new string('<', 2048), maxBytes: 1024)).Code);
    }

    [Fact]
    public void String_cap_counts_utf8_bytes_not_characters()
    {
        // 400 'ç' = 400 characters but 800 UTF-8 bytes.
        var xml = $"<a>{new string('ç', 400)}</a>";

        Assert.Equal(ProtocolErrorCodes.Xml.TooLarge, Assert.Throws<XmlInputException>(() => SafeXml.Load(xml, maxBytes: 600)).Code);
        Assert.NotNull(SafeXml.Load(xml, maxBytes: 1000));
    }

    [Fact]
    public void Streaming_reader_settings_enforce_the_character_cap()
    {
        var ex = Assert.Throws<XmlException>(() =>
        {
            using var reader = XmlReader.Create(new StringReader($"<a>{new string('x', 5000)}</a>"), SafeXml.ReaderSettings(1000));
            while (reader.Read())
            {
            }
        });
        Assert.Contains("MaxCharactersInDocument", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n ")]
    public void Empty_input_is_refused_as_empty(string text)
    {
        Assert.Equal(ProtocolErrorCodes.Xml.Empty, Assert.Throws<XmlInputException>(() => SafeXml.Load(text)).Code);
        Assert.Equal(ProtocolErrorCodes.Xml.Empty, Assert.Throws<XmlInputException>(() => SafeXml.Load(Encoding.UTF8.GetBytes(text))).Code);
    }

    [Fact]
    public void Bom_alone_is_empty()
    {
        Assert.Equal(ProtocolErrorCodes.Xml.Empty, Assert.Throws<XmlInputException>(() => SafeXml.Load(new byte[] { 0xEF, 0xBB, 0xBF })).Code);
    }

    [Fact]
    public void Malformed_input_reports_the_line()
    {
        var ex = Assert.Throws<XmlInputException>(() => SafeXml.Load("<a>\n<b>\n</a>"));

        Assert.Equal(ProtocolErrorCodes.Xml.Malformed, ex.Code);
        Assert.Equal(3, ex.Line);
    }

    [Fact]
    public void Undeclared_entity_is_malformed()
    {
        Assert.Equal(ProtocolErrorCodes.Xml.Malformed, Assert.Throws<XmlInputException>(() => SafeXml.Load("<a>&foo;</a>")).Code);
    }

    [Fact]
    public void Mutated_inputs_fail_only_with_XmlInputException()
    {
        var seed = Encoding.UTF8.GetBytes(Valid + "<!-- c --><?pi x?>");
        var random = new Random(20260314);
        for (var round = 0; round < 5000; round++)
        {
            var bytes = Mutate(seed, random);
            try
            {
                SafeXml.Load(bytes, maxBytes: 4096);
            }
            catch (XmlInputException)
            {
            }
        }

        for (var round = 0; round < 500; round++)
        {
            var noise = new byte[random.Next(0, 300)];
            random.NextBytes(noise);
            try
            {
                SafeXml.Load(noise);
            }
            catch (XmlInputException)
            {
            }
        }
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        var edits = random.Next(1, 6);
        byte[] tokens = "<>&;/?!=\"'[]-\0\uFFFD"u8.ToArray();
        for (var i = 0; i < edits && bytes.Count > 0; i++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes.RemoveAt(at); break;
                case 2: bytes.Insert(at, tokens[random.Next(tokens.Length)]); break;
                case 3: bytes.RemoveRange(at, bytes.Count - at); break;
                default: bytes.InsertRange(at, "<!DOCTYPE x>"u8.ToArray()); break;
            }
        }

        return [.. bytes];
    }

    private sealed class SpyResolver : XmlResolver
    {
        public int Calls { get; private set; }

        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            Calls++;
            return null;
        }

        public override Uri ResolveUri(Uri? baseUri, string? relativeUri)
        {
            Calls++;
            return base.ResolveUri(baseUri, relativeUri);
        }
    }
}
