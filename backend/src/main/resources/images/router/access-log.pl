#!/usr/bin/perl
# slipway-router-log POSITION
#
# Prints the router's access log from POSITION on and follows it as nginx appends. POSITION counts
# the bytes of every file the log has had, so a reader resumes exactly where it stopped, also across
# rotations. The first line out is "#from N": where reading starts (POSITION, or the next byte there
# is when the files holding POSITION are gone); a jump later on is told the same way. Lines starting
# with "#" are this script's own; every other line is a line of the log, whole.
#
# In /var/log/slipway: access.log, the file nginx appends to (its position in access.start), and the
# one file before it, <position>.log. Once access.log passes SLIPWAY_ROUTER_LOG_ROTATE_BYTES (64 MB)
# and everything in it was read, it is renamed, nginx reopens its logs, and when no nginx process has
# the old file open any more it becomes <position>.log; the file before it is removed. The reader that
# holds rotate.lock rotates; every reader takes it to look at the files, so each sees them whole.
use strict;
use warnings;
use Fcntl qw(:flock SEEK_SET);
use IO::Handle;
use POSIX ();

my $dir = '/var/log/slipway';
my $rotate_at = $ENV{SLIPWAY_ROUTER_LOG_ROTATE_BYTES} || 64 * 1024 * 1024;
my $max_line = 1024 * 1024;
my $wanted = shift // '';
die "usage: slipway-router-log POSITION\n" unless $wanted =~ /^\d+$/;
chdir $dir or die "Cannot enter $dir: $!\n";
STDOUT->autoflush(1);

open my $lock, '>>', 'rotate.lock' or die "Cannot open rotate.lock: $!\n";

sub live_start {
    open my $in, '<', 'access.start' or return 0;
    my $start = <$in> // '0';
    chomp $start;
    return $start =~ /^\d+$/ ? $start : 0;
}

sub set_live_start {
    my ($start) = @_;
    open my $out, '>', 'access.start.next' or die "Cannot write access.start.next: $!\n";
    print $out "$start\n";
    close $out or die "Cannot write access.start.next: $!\n";
    rename 'access.start.next', 'access.start' or die "Cannot rename access.start.next: $!\n";
}

sub size {
    my ($file) = @_;
    return (stat $file)[7] // 0;
}

sub segments {
    opendir my $entries, '.' or die "Cannot list $dir: $!\n";
    return sort { $a <=> $b } map { /^(\d+)\.log$/ ? $1 : () } readdir $entries;
}

# The nginx processes this process may look into, and whether one of them has $name open.
sub scan {
    my ($name) = @_;
    my ($holds, @seen) = (0);
    for my $comm (glob '/proc/[0-9]*/comm') {
        my ($pid) = $comm =~ m{^/proc/(\d+)/};
        open my $in, '<', $comm or next;
        next unless (<$in> // '') =~ /^nginx/;
        opendir my $fds, "/proc/$pid/fd" or next;
        push @seen, $pid;
        for my $fd (readdir $fds) {
            my $target = readlink "/proc/$pid/fd/$fd";
            $holds = 1 if defined $target && $target eq "$dir/$name";
        }
    }
    return ($holds, @seen);
}

# Whether an nginx process still has $name open. Only root may look into the master's files and only
# www-data into the workers' (the router has no CAP_SYS_PTRACE), so both look; a process neither
# could look into counts as holding it.
sub nginx_holds {
    my ($name) = @_;
    my ($holds, @seen) = scan($name);
    return 1 if $holds;
    pipe my $answer, my $child_out or die "Cannot make a pipe: $!\n";
    my $child = fork // die "Cannot fork: $!\n";
    if ($child == 0) {
        close $answer;
        my ($uid, $gid) = (getpwnam 'www-data')[2, 3];
        POSIX::setgid($gid) && POSIX::setuid($uid) or POSIX::_exit(1);
        print $child_out join(' ', scan($name)), "\n";
        close $child_out;
        POSIX::_exit(0);
    }
    close $child_out;
    my ($worker_holds, @worker_seen) = split ' ', (<$answer> // '1');
    waitpid $child, 0;
    return 1 if $worker_holds;
    my %looked = map { $_ => 1 } @seen, @worker_seen;
    for my $comm (glob '/proc/[0-9]*/comm') {
        my ($pid) = $comm =~ m{^/proc/(\d+)/};
        open my $in, '<', $comm or next;
        return 1 if (<$in> // '') =~ /^nginx/ && !$looked{$pid};
    }
    return 0;
}

# nginx's master, which reopens its logs on SIGUSR1: it flushes its workers' buffered entries into
# the old file and opens access.log anew.
sub reopen {
    open my $pid_file, '<', '/run/nginx.pid' or return 0;
    my $pid = <$pid_file> // '';
    chomp $pid;
    return $pid =~ /^\d+$/ && kill 'USR1', $pid;
}

# Ends a rotation (this reader's, or one a reader that was stopped left half done): once nginx let go
# of rotating.log, it becomes <start>.log and access.log starts where it ends. Called holding the lock.
sub finish_rotation {
    return unless -e 'rotating.log';
    # Once more, harmless, in case the reader that renamed the file was stopped before it asked.
    reopen();
    for (1 .. 1200) {
        last unless nginx_holds('rotating.log');
        select undef, undef, undef, 0.05;
    }
    my $start = live_start();
    set_live_start($start + size('rotating.log'));
    rename 'rotating.log', "$start.log" or die "Cannot rename rotating.log: $!\n";
    unlink "$_.log" for grep { $_ < $start } segments();
}

# Called holding the lock, with access.log read to its end.
sub rotate {
    return unless -e '/run/nginx.pid';
    rename 'access.log', 'rotating.log' or return;
    finish_rotation();
}

# The file holding byte $position and where that file starts, or the first one after it. Called
# holding the lock.
sub locate {
    my ($position) = @_;
    finish_rotation();
    open my $create, '>>', 'access.log' or die "Cannot open access.log: $!\n";
    close $create;
    my $live = live_start();
    if ($position >= $live) {
        # Past the end only when the log was started anew (its volume removed): read it from its start.
        return ('access.log', $live, $position <= $live + size('access.log') ? $position : $live);
    }
    for my $start (segments()) {
        my $end = $start + size("$start.log");
        return ("$start.log", $start, $position) if $position >= $start && $position < $end;
        return ("$start.log", $start, $start) if $start > $position;
    }
    return ('access.log', $live, $live);
}

sub open_at {
    my ($position) = @_;
    flock $lock, LOCK_EX;
    my ($name, $start, $from) = locate($position);
    open my $file, '<', $name or die "Cannot open $name: $!\n";
    flock $lock, LOCK_UN;
    seek $file, $from - $start, SEEK_SET or die "Cannot seek in $name: $!\n";
    print "#from $from\n" if $from != $position;
    return ($file, $from);
}

# Whether $file is still the one nginx appends to; rotates it when it is and has grown enough.
sub live {
    my ($file) = @_;
    flock $lock, LOCK_EX;
    my $inode = (stat $file)[1];
    my $current = (stat 'access.log')[1];
    my $live = defined $current && $inode == $current;
    if ($live && size($file) >= $rotate_at) {
        rotate();
        $live = 0;
    }
    flock $lock, LOCK_UN;
    return $live;
}

# Slipway reads with one reader at a time: one left from before (Slipway was killed, and its output
# goes nowhere) would sit blocked on its output for good, holding a file.
for my $cmdline (glob '/proc/[0-9]*/cmdline') {
    my ($pid) = $cmdline =~ m{^/proc/(\d+)/};
    next if $pid == $$;
    open my $in, '<', $cmdline or next;
    kill 'TERM', $pid if (<$in> // '') =~ /slipway-router-log/;
}

print "#from $wanted\n";
my ($file, $position) = open_at($wanted);
my $pending = '';
my $idle = 0;
while (1) {
    my $read = sysread $file, my $chunk, 1024 * 1024;
    die "Cannot read the access log: $!\n" unless defined $read;
    if ($read > 0) {
        $pending .= $chunk;
        my $cut = rindex $pending, "\n";
        if ($cut >= 0) {
            print substr $pending, 0, $cut + 1;
            $position += $cut + 1;
            $pending = substr $pending, $cut + 1;
        }
        elsif (length $pending > $max_line) {
            # Not a line nginx wrote (those are short): skip it, and say where reading goes on.
            $position += length $pending;
            $pending = '';
            print "#from $position\n";
        }
        $idle = 0;
        next;
    }
    if (live($file)) {
        select undef, undef, undef, 0.1;
        # Now and then a line, so a reader that went away is noticed (the write fails) and this ends.
        print "#\n" if ++$idle % 50 == 0;
        next;
    }
    # The file was rotated and nginx let go of it: read what came last, then go on with the next.
    while (($read = sysread $file, $chunk, 1024 * 1024) > 0) {
        $pending .= $chunk;
    }
    my $next = $position + length $pending;
    if (length $pending && $pending !~ /\n\z/) {
        # A last line cut short (a full disk): not a whole line, so it is skipped.
        $pending =~ s/[^\n]*\z//;
    }
    print $pending;
    print "#from $next\n" if $position + length $pending != $next;
    $pending = '';
    ($file, $position) = open_at($next);
}
