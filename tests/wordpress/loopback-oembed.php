<?php
/*
 * Plugin Name: slatecard test harness: oEmbed providers on loopback
 * Description: Copied into wp-content/mu-plugins by tests/wordpress/site.mjs.
 *
 * WordPress's oEmbed discovery uses wp_safe_remote_get(), which refuses
 * loopback addresses and any port but 80, 443 and 8080. A test provider runs
 * on 127.0.0.1 at a random port, so this plugin allows exactly that and
 * nothing else: the embed code (discovery, wp_filter_oembed_result's
 * sanitising, the wp-embed host script) is WordPress's own, untouched.
 */

// 127.0.0.1 / localhost count as "external" hosts, so they may be fetched.
add_filter( 'http_request_host_is_external', function ( $external, $host ) {
	return in_array( strtolower( $host ), array( '127.0.0.1', 'localhost' ), true ) ? true : $external;
}, 10, 2 );

// The port of the URL being fetched is allowed (loopback hosts only).
add_filter( 'http_allowed_safe_ports', function ( $ports, $host, $url ) {
	$port = wp_parse_url( $url, PHP_URL_PORT );
	if ( $port && in_array( strtolower( (string) $host ), array( '127.0.0.1', 'localhost' ), true ) ) {
		$ports[] = (int) $port;
	}
	return $ports;
}, 10, 3 );
