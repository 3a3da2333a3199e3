#!/bin/sh
# Sample Procfile app: an HTTP server with nothing but the stack (perl-base), answering with
# its dyno and GREETING.
exec perl -MIO::Socket::INET -e '
  $| = 1;
  my $server = IO::Socket::INET->new(LocalPort => $ENV{PORT}, Listen => 50, ReuseAddr => 1) or die "listen: $!";
  $SIG{TERM} = sub { print "stopping\n"; exit 0 };
  print "listening on $ENV{PORT}\n";
  while (my $client = $server->accept) {
    while (my $line = <$client>) { last if $line =~ /^\r?\n$/ }
    my $body = "shell v1 dyno=$ENV{DYNO} greeting=$ENV{GREETING}\n";
    print $client "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " . length($body) . "\r\nConnection: close\r\n\r\n$body";
    close $client;
  }'
