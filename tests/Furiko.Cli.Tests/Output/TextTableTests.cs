using Furiko.Cli.Output;

namespace Furiko.Cli.Tests.Output;

public class TextTableTests
{
    [Fact]
    public void Columns_are_as_wide_as_their_widest_cell_plus_three_spaces_and_lines_have_no_trailing_space()
    {
        var table = new TextTable("NAME", "PHASE", "AGE");
        table.Add("a-rather-long-name", "Running", "5m");
        table.Add("b", "Killed", "10d");
        using var writer = new StringWriter { NewLine = "\n" };

        table.WriteTo(writer, TerminalStyle.Plain);

        Assert.Equal(
            "NAME                 PHASE     AGE\n" +
            "a-rather-long-name   Running   5m\n" +
            "b                    Killed    10d\n",
            writer.ToString());
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_cells_is_refused()
    {
        var table = new TextTable("A", "B");

        Assert.Throws<ArgumentException>(() => table.Add("only one"));
    }
}
