using System.Text;
using Qonys.Web.Platform.Import;

namespace Qonys.Tests.Platform.Import;

public sealed class CsvRecordReaderTests
{
    static MemoryStream File(string text) => new(Encoding.UTF8.GetBytes(text));

    static async Task<List<CsvRecord>> ReadAll(Stream stream, long offset = 0, long line = 0)
    {
        var reader = new CsvRecordReader(stream, offset, line);
        var records = new List<CsvRecord>();
        while (await reader.ReadAsync(CancellationToken.None) is { } record) records.Add(record);
        return records;
    }

    [Fact]
    public async Task Records_carry_their_fields_first_line_and_the_byte_after_them()
    {
        var records = await ReadAll(File("a,b\r\n1,\"x, \"\"y\"\"\"\n\"two\nlines\",3\nlast,4"));
        records.Select(r => r.Fields).ShouldBe([["a", "b"], ["1", "x, \"y\""], ["two\nlines", "3"], ["last", "4"]]);
        records.Select(r => r.Line).ShouldBe([1L, 2, 3, 5]);
        records.Select(r => r.EndOffset).ShouldBe([5L, 18, 32, 38]);
    }

    [Fact]
    public async Task Reading_from_a_records_end_offset_goes_on_with_the_next_record_and_its_line()
    {
        var text = "h\n\"q\nq\",1\nnext,2\n";
        var all = await ReadAll(File(text));
        var rest = await ReadAll(File(text), all[1].EndOffset, 3);
        rest.ShouldHaveSingleItem().Fields.ShouldBe(["next", "2"]);
        rest[0].Line.ShouldBe(4);
    }

    [Fact]
    public async Task A_record_longer_than_the_buffer_is_read_whole()
    {
        var longField = new string('x', 3 << 20);
        var records = await ReadAll(File($"h\n{longField},1\nz,2\n"));
        records[1].Fields[0].Length.ShouldBe(longField.Length);
        records[2].Fields.ShouldBe(["z", "2"]);
    }

    [Fact]
    public async Task Bytes_that_are_not_UTF8_make_an_undecodable_record_and_a_BOM_is_dropped()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF, (byte)'h', (byte)'\n', 0xC3, 0x28, (byte)',', (byte)'1', (byte)'\n', (byte)'o', (byte)'k', (byte)'\n' };
        var records = await ReadAll(new MemoryStream(bytes));
        records[0].Fields.ShouldBe(["h"]);
        records[1].Undecodable.ShouldBeTrue();
        records[2].Fields.ShouldBe(["ok"]);
    }
}
