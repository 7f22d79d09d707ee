<?php
/*
 * Run by tests/wordpress/site.mjs as `php install.php SPEC.json RESULT.json`
 * after wp-config.php is written and the database exists: installs the site
 * (wp_install, default theme as shipped), creates an administrator and an
 * author, and creates each post as its user, published, with WordPress's own
 * kses rules for that user (an author's <script> and <iframe> are stripped).
 */
$spec = json_decode( file_get_contents( $argv[1] ), true );
$home = parse_url( $spec['url'] );

// wp-load.php expects a web request; describe one.
$_SERVER['HTTP_HOST']       = $home['host'] . ':' . $home['port'];
$_SERVER['SERVER_NAME']     = $home['host'];
$_SERVER['SERVER_PORT']     = $home['port'];
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['REQUEST_METHOD']  = 'GET';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';

define( 'WP_INSTALLING', true );
require $spec['root'] . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

function fail( $what ) {
	fwrite( STDERR, "install.php: $what\n" );
	exit( 1 );
}

$users = $spec['users'];
$installed = wp_install( $spec['title'], $users['administrator']['login'], $users['administrator']['email'], true, '', $users['administrator']['password'] );
if ( empty( $installed['user_id'] ) ) {
	fail( 'wp_install did not create the administrator' );
}
// Plain links (?p=ID), whatever wp_install's permalink probe decided.
update_option( 'permalink_structure', '' );

$ids = array( 'administrator' => (int) $installed['user_id'] );
$author = wp_insert_user( array(
	'user_login'   => $users['author']['login'],
	'user_pass'    => $users['author']['password'],
	'user_email'   => $users['author']['email'],
	'display_name' => 'Author',
	'role'         => 'author',
) );
if ( is_wp_error( $author ) ) {
	fail( 'creating the author: ' . $author->get_error_message() );
}
$ids['author'] = (int) $author;

$result = array( 'posts' => array(), 'theme' => get_stylesheet(), 'blockTheme' => wp_is_block_theme(), 'version' => get_bloginfo( 'version' ) );
foreach ( $spec['posts'] as $post ) {
	// As that user: set_current_user runs kses_init(), called again here to be explicit.
	wp_set_current_user( $ids[ $post['role'] ] );
	kses_init();
	// wp_insert_post expects slashed data, like $_POST.
	$id = wp_insert_post( wp_slash( array(
		'post_title'   => $post['title'],
		'post_content' => $post['content'],
		'post_name'    => $post['slug'],
		'post_status'  => 'publish',
		'post_type'    => 'post',
		'post_author'  => $ids[ $post['role'] ],
	) ), true );
	if ( is_wp_error( $id ) ) {
		fail( "creating post {$post['slug']}: " . $id->get_error_message() );
	}
	$result['posts'][ $post['slug'] ] = get_permalink( $id );
}
wp_set_current_user( 0 );

file_put_contents( $argv[2], json_encode( $result ) );
