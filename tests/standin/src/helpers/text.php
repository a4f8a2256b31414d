<?php
/** Translation and escaping. */

declare(strict_types=1);

/**
 * The language line for $line (the key itself when unknown), with %s replaced by $label (an array: vsprintf). A line
 * containing a double quote and no HTML is html-escaped, as in Perfex.
 */
function _l($line, $label = '', $log_errors = true): string
{
    $data = hooks()->apply_filters('before_get_language_text', ['line' => $line, 'label' => $label]);
    $line = (string) $data['line'];
    $label = $data['label'];
    $text = (string) get_instance()->lang->line(trim($line), (bool) $log_errors);
    if (is_array($label) && count($label) > 0) {
        $formatted = vsprintf($text, $label);
    } else {
        try {
            $formatted = sprintf($text, $label);
        } catch (\ValueError | \ArgumentCountError) {
            $formatted = $text;
        }
    }
    $data = hooks()->apply_filters('after_get_language_text', ['line' => $line, 'formatted_line' => $formatted]);
    $formatted = (string) $data['formatted_line'];
    if ($formatted === '') {
        return $data['line'];
    }
    if (str_contains($formatted, '"') && $formatted === strip_tags($formatted)) {
        $formatted = html_escape($formatted);
    }
    return $formatted;
}

/** CodeIgniter's html_escape(): htmlspecialchars ENT_QUOTES UTF-8 (invalid UTF-8 gives ''), arrays value by value. */
function html_escape($var, $double_encode = true)
{
    if (is_array($var)) {
        foreach (array_keys($var) as $key) {
            $var[$key] = html_escape($var[$key], $double_encode);
        }
        return $var;
    }
    return htmlspecialchars((string) $var, ENT_QUOTES, 'UTF-8', (bool) $double_encode);
}

/** Perfex's e(): like html_escape() for one value, invalid UTF-8 replaced by U+FFFD. */
function e($value, $doubleEncode = true): string
{
    if ($value instanceof \BackedEnum) {
        $value = $value->value;
    }
    return htmlspecialchars((string) ($value ?? ''), ENT_QUOTES | ENT_SUBSTITUTE, 'UTF-8', (bool) $doubleEncode);
}
