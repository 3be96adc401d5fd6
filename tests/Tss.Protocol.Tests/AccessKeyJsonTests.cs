using System.Text.Json;
using Tss.Protocol.AccessKeys;

namespace Tss.Protocol.Tests;

public class AccessKeyJsonTests
{
    private const string Text = "35261111222333000181550010000000011000000014";

    [Fact]
    public void An_access_key_is_written_as_its_44_characters()
    {
        Assert.Equal($"\"{Text}\"", JsonSerializer.Serialize(AccessKey.Parse(Text)));
    }

    [Fact]
    public void An_access_key_read_back_from_JSON_equals_the_one_written()
    {
        var keys = new[] { AccessKey.Parse(Text), AccessKey.Parse("35261111222333000181550010000000021000000020") };
        Assert.Equal(keys, JsonSerializer.Deserialize<AccessKey[]>(JsonSerializer.Serialize(keys)));
    }

    [Fact]
    public void A_key_stored_as_a_plain_string_before_the_type_existed_reads_as_an_access_key()
    {
        var read = JsonSerializer.Deserialize<Dictionary<string, List<AccessKey>>>($$"""{"Keys":["{{Text}}"]}""");
        Assert.Equal(AccessKey.Parse(Text), Assert.Single(read!["Keys"]));
    }

    [Fact]
    public void An_access_key_can_be_a_dictionary_key()
    {
        var map = new Dictionary<AccessKey, int> { [AccessKey.Parse(Text)] = 100 };
        var json = JsonSerializer.Serialize(map);
        Assert.Equal($$"""{"{{Text}}":100}""", json);
        Assert.Equal(100, JsonSerializer.Deserialize<Dictionary<AccessKey, int>>(json)![AccessKey.Parse(Text)]);
    }

    [Theory]
    [InlineData("\"35261111222333000181550010000000011000000015\"")] // wrong check digit
    [InlineData("\"3526\"")]
    [InlineData("35261111222333000181")]
    [InlineData("null")]
    public void A_value_that_is_not_a_valid_key_is_refused_when_read(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<AccessKey>(json));
    }
}
