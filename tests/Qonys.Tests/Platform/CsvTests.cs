using Qonys.Web.Platform.Data;

namespace Qonys.Tests.Platform;

public sealed class CsvTests
{
    static List<List<string>> Rows(string text) => Csv.ReadRows(new StringReader(text)).ToList();

    [Fact]
    public void Plain_fields_split_on_commas_and_lines()
    {
        var rows = Rows("a,b,c\n1,2,3\n");
        rows.Count.ShouldBe(2);
        rows[0].ShouldBe(["a", "b", "c"]);
        rows[1].ShouldBe(["1", "2", "3"]);
    }

    [Fact]
    public void Crlf_line_ends_and_a_missing_final_newline_are_read()
    {
        var rows = Rows("a,b\r\n1,2");
        rows.Count.ShouldBe(2);
        rows[1].ShouldBe(["1", "2"]);
    }

    [Fact]
    public void Empty_fields_are_kept()
    {
        Rows(",x,\n")[0].ShouldBe(["", "x", ""]);
    }

    [Fact]
    public void Quoted_fields_hold_commas_doubled_quotes_and_newlines()
    {
        var rows = Rows("name,note\n\"Aqmola, north\",\"he said \"\"hi\"\"\"\n\"two\nlines\",\"\"\n");
        rows.Count.ShouldBe(3);
        rows[1].ShouldBe(["Aqmola, north", "he said \"hi\""]);
        rows[2].ShouldBe(["two\nlines", ""]);
    }

    [Fact]
    public void Records_are_keyed_by_the_header_and_blank_lines_are_skipped()
    {
        var records = Csv.ReadRecords(new StringReader("code,name\nKZ-35,\"Karaganda, Region\"\n\nKZ-71,Astana\nKZ-75\n"));
        records.Count.ShouldBe(3);
        records[0]["code"].ShouldBe("KZ-35");
        records[0]["name"].ShouldBe("Karaganda, Region");
        records[1]["name"].ShouldBe("Astana");
        records[2]["name"].ShouldBe(""); // a short row gives empty trailing fields
    }

    [Fact]
    public void An_empty_input_has_no_records() => Csv.ReadRecords(new StringReader("")).ShouldBeEmpty();

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"x\"", "\"say \"\"x\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Escape_quotes_only_what_needs_it(string value, string expected) => Csv.Escape(value).ShouldBe(expected);

    [Fact]
    public void Escaped_values_read_back_unchanged()
    {
        string[] values = ["plain", "a,b", "say \"x\"", "two\nlines", "", "\"", ",,,", "end\r\n"];
        var line = string.Join(',', values.Select(Csv.Escape)) + "\n";
        Rows(line).Single().ShouldBe(values);
    }
}
