#!/usr/bin/perl
# fods_cells.pl FILE: the cells of a flat OpenDocument spreadsheet, as
# LibreOffice read them, one line per row, cells joined by "|":
# "float:VALUE" for a number, "string:TEXT" for text, "" for an empty cell
# (trailing empty cells dropped).  Core Perl; test/report/run.sh.
use strict;
use warnings;

local $/;
my $xml = <>;
my %ent = (lt => '<', gt => '>', quot => '"', apos => "'", amp => '&');
while ($xml =~ m{<table:table-row\b[^>]*>(.*?)</table:table-row>}gs) {
	my $row = $1;
	my @cells;
	while ($row =~ m{<table:table-cell\b([^>]*?)(/?)>}g) {
		my ($attr, $empty) = ($1, $2);
		my $text = '';
		if (!$empty) {
			my $start = pos($row);
			$row =~ m{</table:table-cell>}g or last;
			$text = substr($row, $start, pos($row) - $start - length('</table:table-cell>'));
			$text =~ s{</text:p>\s*<text:p>}{\n}g;
			$text =~ s{<[^>]+>}{}g;
			$text =~ s{^\s+|\s+$}{}g;
			$text =~ s{&(lt|gt|quot|apos|amp);}{$ent{$1}}g;
		}
		my ($repeat) = $attr =~ /table:number-columns-repeated="(\d+)"/;
		my $cell = $attr =~ /office:value-type="float"/ ? 'float:' . ($attr =~ /office:value="([^"]*)"/)[0]
			: $attr =~ /office:value-type="string"/ ? "string:$text"
			: '';
		push @cells, ($cell) x ($repeat && $repeat < 50 ? $repeat : 1);
	}
	pop @cells while @cells && $cells[-1] eq '';
	print join('|', @cells), "\n" if @cells;
}
