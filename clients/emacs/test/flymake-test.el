;;; flymake-test.el --- greenlight's Flymake backend alone, in batch  -*- lexical-binding: t; -*-

;;; Commentary:

;; No language server: greenlight-flymake-setup, then Flymake on a copy of authors.py.  The
;; backend must report what the command line's text output reports and what the Eglot test
;; saw; then, with greenlight-settings ignoring GL004 and lowering GL003 to a warning, the
;; same run must drop GL004 and show GL003 as a warning.

;;; Code:

(require 'greenlight)

(setq gl-test-name "flymake-test")

(gl-test-check-setup)
(setq greenlight-jar gl-test-jar
      greenlight-settings nil)
(greenlight-flymake-setup)

(defun gl-test-greenlight-code (diagnostic)
  (cdr (assq 'greenlight-code (flymake-diagnostic-data diagnostic))))

(defun gl-test-run-flymake ()
  "Run the backends, wait for greenlight's report, and return what Flymake shows."
  (flymake-start nil t)
  (gl-test-wait "report from greenlight-flymake"
                (lambda ()
                  (when (memq #'greenlight-flymake (flymake-disabled-backends))
                    (gl-test-fail "greenlight-flymake was disabled; see *Flymake log*:\n%s"
                                  (with-current-buffer (get-buffer-create "*Flymake log*")
                                    (buffer-string))))
                  (memq #'greenlight-flymake (flymake-reporting-backends))))
  (gl-test-flymake-findings #'gl-test-greenlight-code))

(defun gl-test-type-of (code findings)
  (nth 3 (assoc code findings)))

(let* ((cli (gl-test-cli-agrees))
       (buffer (gl-test-open)))
  (unless (memq #'greenlight-flymake flymake-diagnostic-functions)
    (gl-test-fail "greenlight-flymake-setup did not add the backend in python-mode: %S"
                  flymake-diagnostic-functions))
  (flymake-mode 1)

  (let ((findings (gl-test-run-flymake)))
    (dolist (finding (gl-test-sorted findings))
      (gl-test-log "%s line %d column %d, %s" (nth 0 finding) (nth 1 finding) (nth 2 finding)
                   (nth 3 finding)))
    (gl-test-expect-findings "greenlight-flymake's diagnostics" (gl-test-without-type findings) cli)
    (dolist (finding findings)
      (unless (eq (nth 3 finding) :error)
        (gl-test-fail "%s shown as %s, expected :error" (car finding) (nth 3 finding))))
    (if (not (and gl-test-results (file-exists-p gl-test-results)))
        (gl-test-log "no Eglot results to compare with (run eglot-test.el first)")
      (let ((eglot (with-temp-buffer
                     (insert-file-contents gl-test-results)
                     (read (current-buffer)))))
        (gl-test-expect-findings "greenlight-flymake against the Eglot run"
                                 (gl-test-without-type findings) eglot)
        (gl-test-log "same as the Eglot run: %S" (gl-test-sorted eglot)))))

  (setq greenlight-settings '(:ignore ("GL004") :severity (("GL003" . "warning"))))
  (let ((findings (gl-test-run-flymake)))
    (gl-test-log "with %S: %S" greenlight-settings (gl-test-sorted findings))
    (gl-test-expect-findings "greenlight-flymake's diagnostics with GL004 ignored"
                             (gl-test-without-type findings)
                             (cl-remove "GL004" cli :key #'car :test #'equal))
    (unless (eq (gl-test-type-of "GL003" findings) :warning)
      (gl-test-fail "GL003 shown as %s, expected :warning" (gl-test-type-of "GL003" findings)))
    (unless (eq (gl-test-type-of "GL005" findings) :error)
      (gl-test-fail "GL005 shown as %s, expected :error" (gl-test-type-of "GL005" findings))))

  ;; The rule's own severity, which the command line's JSON carries, unless the settings say otherwise.
  (let ((greenlight-settings nil))
    (unless (eq (greenlight--flymake-type "GL002" "warning") :warning)
      (gl-test-fail "a rule whose severity is warning is not shown as a warning"))
    (unless (eq (greenlight--flymake-type "GL003" nil) :error)
      (gl-test-fail "a finding without a severity is not shown as an error")))
  (let ((greenlight-settings '(:severity (("GL0" . "hint")))))
    (unless (eq (greenlight--flymake-type "GL002" "warning") :note)
      (gl-test-fail "greenlight-settings does not win over the rule's severity")))
  (gl-test-log "severities: the rule's own unless the settings say otherwise")

  (with-current-buffer buffer (set-buffer-modified-p nil))
  (gl-test-log "PASS")
  (kill-emacs 0))

;;; flymake-test.el ends here
