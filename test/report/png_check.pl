#!/usr/bin/perl
# png_check.pl FILE COLOUR...: reads a PNG screenshot (8-bit RGB or RGBA,
# not interlaced, as Chromium writes them) with core Perl only and prints
# one line: "WIDTHxHEIGHT nonwhite=PERCENT" and, for each #RRGGBB colour
# given, "#RRGGBB=PIXELS" (pixels within 24 of it in every channel).  Exits
# non-zero when the file is not such a PNG.  test/report/run.sh decides
# from the line whether the screenshot is blank.
use strict;
use warnings;
use Compress::Zlib qw(uncompress);

my ($file, @colours) = @ARGV;
open(my $fh, '<:raw', $file) or die "cannot open $file: $!\n";
local $/;
my $png = <$fh>;
close $fh;
substr($png, 0, 8) eq "\x89PNG\r\n\x1a\n" or die "$file: not a PNG\n";
my ($pos, $w, $h, $depth, $type, $interlace, $idat) = (8, 0, 0, 0, 0, 0, '');
while ($pos + 8 <= length $png) {
	my ($len, $kind) = unpack('N a4', substr($png, $pos, 8));
	my $data = substr($png, $pos + 8, $len);
	if ($kind eq 'IHDR') {
		($w, $h, $depth, $type, undef, undef, $interlace) = unpack('N N C C C C C', $data);
	} elsif ($kind eq 'IDAT') {
		$idat .= $data;
	}
	$pos += 12 + $len;
}
$depth == 8 && ($type == 2 || $type == 6) && !$interlace
	or die "$file: depth $depth, colour type $type, interlace $interlace: not read here\n";
my $bpp = $type == 6 ? 4 : 3;
my $raw = uncompress($idat);
defined $raw or die "$file: IDAT does not inflate\n";
my $stride = $w * $bpp;
length($raw) == $h * ($stride + 1) or die "$file: IDAT has the wrong size\n";

my @want = map { [map { hex } /^#(..)(..)(..)$/] } @colours;
my @hits = (0) x @want;
my ($nonwhite, @prev) = (0, (0) x $stride);
for my $y (0 .. $h - 1) {
	my $f = ord(substr($raw, $y * ($stride + 1), 1));
	my @cur = unpack('C*', substr($raw, $y * ($stride + 1) + 1, $stride));
	for my $i (0 .. $stride - 1) {
		my $a = $i >= $bpp ? $cur[$i - $bpp] : 0;
		my $b = $prev[$i];
		my $c = $i >= $bpp ? $prev[$i - $bpp] : 0;
		my $x = $cur[$i];
		if ($f == 1) { $x += $a }
		elsif ($f == 2) { $x += $b }
		elsif ($f == 3) { $x += int(($a + $b) / 2) }
		elsif ($f == 4) {
			my $p = $a + $b - $c;
			my ($pa, $pb, $pc) = (abs($p - $a), abs($p - $b), abs($p - $c));
			$x += ($pa <= $pb && $pa <= $pc) ? $a : ($pb <= $pc ? $b : $c);
		}
		$cur[$i] = $x & 255;
	}
	for (my $i = 0; $i < $stride; $i += $bpp) {
		my ($r, $g, $bl) = @cur[$i .. $i + 2];
		$nonwhite++ if $r < 245 || $g < 245 || $bl < 245;
		for my $k (0 .. $#want) {
			my $t = $want[$k];
			$hits[$k]++ if abs($r - $t->[0]) <= 24 && abs($g - $t->[1]) <= 24 && abs($bl - $t->[2]) <= 24;
		}
	}
	@prev = @cur;
}
printf "%dx%d nonwhite=%.1f%s\n", $w, $h, 100 * $nonwhite / ($w * $h),
	join('', map { " $colours[$_]=$hits[$_]" } 0 .. $#colours);
