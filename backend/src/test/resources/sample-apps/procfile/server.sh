#!/bin/sh
# Sample Procfile app: an HTTP server with nothing but the stack (perl-base). It answers with its
# version, dyno and GREETING, echoes the request headers the router added, and shows any config
# var at /env/NAME.
exec perl -MIO::Socket::INET -e '
  $| = 1;
  my $server = IO::Socket::INET->new(LocalPort => $ENV{PORT}, Listen => 128, ReuseAddr => 1) or die "listen: $!";
  $SIG{TERM} = sub { print "stopping\n"; exit 0 };
  print "listening on $ENV{PORT}\n";
  while (my $client = $server->accept) {
    my $headers = "";
    my $request = <$client>;
    while (my $line = <$client>) {
      last if $line =~ /^\r?\n$/;
      $headers .= "header $line" if $line =~ /^x-/i;
    }
    $headers =~ s/\r//g;
    my $body = "shell v1 dyno=$ENV{DYNO} greeting=$ENV{GREETING}\n$headers";
    # /env/NAME answers with that variable exactly as the dyno sees it.
    $body = $ENV{$1} // "" if $request =~ m{^GET /env/(\w+) };
    print $client "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " . length($body) . "\r\nConnection: close\r\n\r\n$body";
    close $client;
  }'
