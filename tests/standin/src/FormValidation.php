<?php
/**
 * The part of CodeIgniter's form validation the login pages use: rules trim, required, valid_email (IDN domains
 * through php-intl, as CodeIgniter), matches[field]. Like CodeIgniter, run() is false when nothing was posted, and
 * "trim" writes the trimmed value back into $_POST. Fields not in the rules are ignored; a field posted as a list
 * never passes (CodeIgniter would validate each element, then Perfex's lookup fails on the list: no password is
 * checked either way).
 */

declare(strict_types=1);

namespace Standin;

final class FormValidation
{
    /** @var array<string, string> field => message */
    public array $errors = [];

    /** @param array<string, array{0: string, 1: string}> $rules field => [label, 'rule|rule'] */
    public function run(array $rules): bool
    {
        if ($_POST === []) {
            return false;
        }
        foreach ($rules as $field => [$label, $ruleList]) {
            $value = $_POST[$field] ?? '';
            $value = is_string($value) ? $value : '';
            foreach (explode('|', $ruleList) as $rule) {
                $error = $this->check($rule, $value, $label);
                if ($rule === 'trim') {
                    $value = $_POST[$field] = trim($value);
                } elseif ($error !== null) {
                    $this->errors[$field] = $error;
                    break;
                }
            }
        }
        return $this->errors === [];
    }

    /**
     * CodeIgniter 3's valid_email: with php-intl loaded, the DOMAIN is converted with idn_to_ascii() (UTS #46) first,
     * so "admin@läb.test" and "admin@ｌａｂ.test" pass; the local part must pass FILTER_VALIDATE_EMAIL as it is.
     */
    public static function validEmail(string $str): bool
    {
        if (function_exists('idn_to_ascii') && preg_match('#\A([^@]+)@(.+)\z#', $str, $m)) {
            $domain = idn_to_ascii($m[2], 0, INTL_IDNA_VARIANT_UTS46);
            if ($domain !== false) {
                $str = $m[1] . '@' . $domain;
            }
        }
        return filter_var($str, FILTER_VALIDATE_EMAIL) !== false;
    }

    private function check(string $rule, string $value, string $label): ?string
    {
        if ($rule === 'required' && $value === '') {
            return _l('form_validation_required', $label);
        }
        if ($rule === 'valid_email' && $value !== '' && !self::validEmail($value)) {
            return _l('form_validation_valid_email', $label);
        }
        if (preg_match('/^matches\[(.+)\]$/', $rule, $m) && $value !== ($_POST[$m[1]] ?? null)) {
            return _l('form_validation_matches', $label);
        }
        return null;
    }
}
