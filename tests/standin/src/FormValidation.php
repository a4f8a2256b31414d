<?php
/**
 * The part of CodeIgniter's form validation the login pages use: rules trim, required, valid_email, matches[field].
 * Like CodeIgniter, run() is false when nothing was posted, and "trim" writes the trimmed value back into $_POST.
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

    private function check(string $rule, string $value, string $label): ?string
    {
        if ($rule === 'required' && $value === '') {
            return _l('form_validation_required', $label);
        }
        if ($rule === 'valid_email' && $value !== '' && filter_var($value, FILTER_VALIDATE_EMAIL) === false) {
            return _l('form_validation_valid_email', $label);
        }
        if (preg_match('/^matches\[(.+)\]$/', $rule, $m) && $value !== ($_POST[$m[1]] ?? null)) {
            return _l('form_validation_matches', $label);
        }
        return null;
    }
}
