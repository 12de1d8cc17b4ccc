;;; helpers.el --- shared by the batch tests of greenlight.el  -*- lexical-binding: t; -*-

;;; Commentary:

;; Loaded before each test by run.sh, which sets GREENLIGHT_TEST_JAR (the jar under test),
;; GREENLIGHT_TEST_FILE (a fresh copy of examples/app/routers/authors.py, inside a copy of the
;; whole example application) and GREENLIGHT_TEST_RESULTS (a file where the Eglot test leaves
;; what it saw, for the Flymake test to compare with).

;;; Code:

(require 'package)
;; Under -Q Debian's elpa-* packages (Eglot 1.9 and the project/xref it needs) are not
;; activated; Emacs 29 and later find their own Eglot anyway.
(when (file-directory-p "/usr/share/emacs/site-lisp/elpa")
  (add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa" t))
(package-initialize)

(require 'cl-lib)
(require 'subr-x)
(require 'flymake)
(require 'python)

(defconst gl-test-timeout 60 "Seconds any one wait may take.")

(defconst gl-test-jar (getenv "GREENLIGHT_TEST_JAR"))
(defconst gl-test-file (getenv "GREENLIGHT_TEST_FILE"))
(defconst gl-test-results (getenv "GREENLIGHT_TEST_RESULTS"))

(defconst gl-test-expected
  '(("GL005" 14 14) ("GL004" 21 39) ("GL003" 34 9))
  "(CODE LINE COLUMN) of each finding in authors.py, as examples/README.md describes them.")

(defvar gl-test-name "test" "Prefix of every line the test prints.")

;; On standard error, as Eglot's and lsp-mode's own messages in batch mode: one stream, in order.
(defun gl-test-log (format-string &rest args)
  (message "%s: %s" gl-test-name (apply #'format format-string args)))

(defun gl-test-fail (format-string &rest args)
  (message "%s: FAIL: %s" gl-test-name (apply #'format format-string args))
  (kill-emacs 1))

(defun gl-test-wait (what predicate)
  "Wait until PREDICATE returns non-nil (and return that), or fail saying WHAT was missing."
  (let ((deadline (+ (float-time) gl-test-timeout))
        result)
    (while (and (not (setq result (funcall predicate)))
                (< (float-time) deadline))
      (accept-process-output nil 0.1))
    (or result (gl-test-fail "no %s within %d s" what gl-test-timeout))))

(defun gl-test-check-setup ()
  (unless (and gl-test-jar (file-exists-p gl-test-jar))
    (gl-test-fail "GREENLIGHT_TEST_JAR names no jar: %S" gl-test-jar))
  (unless (and gl-test-file (file-exists-p gl-test-file))
    (gl-test-fail "GREENLIGHT_TEST_FILE names no file: %S" gl-test-file)))

(defun gl-test-cli-findings ()
  "(CODE LINE COLUMN) of what `greenlight check' prints in text for `gl-test-file'.
Read from the text output, not the JSON that greenlight-flymake parses."
  (with-temp-buffer
    (let ((default-directory (file-name-directory gl-test-file)))
      (call-process "java" nil t nil "-jar" gl-test-jar "check" "--exit-zero"
                    (file-name-nondirectory gl-test-file)))
    (goto-char (point-min))
    (let ((pattern (concat "^" (regexp-quote (file-name-nondirectory gl-test-file))
                           ":\\([0-9]+\\):\\([0-9]+\\): \\(GL[0-9]+\\) "))
          findings)
      (while (re-search-forward pattern nil t)
        (push (list (match-string 3) (string-to-number (match-string 1))
                    (string-to-number (match-string 2)))
              findings))
      (nreverse findings))))

(defun gl-test-sorted (findings)
  (sort (copy-sequence findings)
        (lambda (a b) (or (< (nth 1 a) (nth 1 b))
                          (and (= (nth 1 a) (nth 1 b)) (string< (car a) (car b)))))))

(defun gl-test-expect-findings (what actual expected)
  (unless (equal (gl-test-sorted actual) (gl-test-sorted expected))
    (gl-test-fail "%s: got %S, expected %S"
                  what (gl-test-sorted actual) (gl-test-sorted expected))))

(defun gl-test-location (position)
  "(LINE COLUMN) of POSITION, both 1-based."
  (save-excursion
    (goto-char position)
    (list (line-number-at-pos) (1+ (current-column)))))

(defun gl-test-flymake-findings (code-of)
  "(CODE LINE COLUMN TYPE) of the buffer's Flymake diagnostics; CODE-OF reads a diagnostic's code."
  (mapcar (lambda (diagnostic)
            (append (list (funcall code-of diagnostic))
                    (gl-test-location (flymake-diagnostic-beg diagnostic))
                    (list (flymake-diagnostic-type diagnostic))))
          (flymake-diagnostics)))

(defun gl-test-without-type (findings)
  (mapcar (lambda (finding) (cl-subseq finding 0 3)) findings))

(defun gl-test-expect-awaited (original)
  "Wait for the quick fix's edit; the text must be ORIGINAL with `await ' added on line 34."
  (let ((expected (with-temp-buffer
                    (insert original)
                    (goto-char (point-min))
                    (forward-line 33)
                    (forward-char 8)
                    (insert "await ")
                    (buffer-string))))
    (gl-test-wait "edit from the quick fix" (lambda () (not (equal (buffer-string) original))))
    (unless (equal (buffer-string) expected)
      (gl-test-fail "after the fix the text is not the original with `await ' on line 34:\n%s"
                    (buffer-string)))
    (gl-test-log "line 34 now reads: %s"
                 (save-excursion
                   (goto-char (point-min))
                   (forward-line 33)
                   (buffer-substring (line-beginning-position) (line-end-position))))))

(defun gl-test-open ()
  "Visit `gl-test-file' in `python-mode'."
  (let ((buffer (find-file-noselect gl-test-file)))
    (set-buffer buffer)
    (unless (derived-mode-p 'python-mode) (python-mode))
    ;; Only greenlight's diagnostics are under test: no pyflakes here.
    (remove-hook 'flymake-diagnostic-functions #'python-flymake t)
    (remove-hook 'flymake-diagnostic-functions #'flymake-proc-legacy-flymake)
    buffer))

(defun gl-test-cli-agrees ()
  "Check that the command line reports `gl-test-expected' for the file; return its findings."
  (let ((cli (gl-test-cli-findings)))
    (gl-test-expect-findings "greenlight check (text output)" cli gl-test-expected)
    (gl-test-log "greenlight check reports %S" cli)
    cli))

;;; helpers.el ends here
