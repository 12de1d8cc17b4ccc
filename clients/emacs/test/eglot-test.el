;;; eglot-test.el --- greenlight under Eglot, in batch  -*- lexical-binding: t; -*-

;;; Commentary:

;; greenlight-eglot-setup (and greenlight-flymake-setup, which must then keep
;; out of the way), then Eglot on a copy of authors.py: greenlight's diagnostics
;; must reach Flymake where the command line puts them (with the severity
;; greenlight-settings asks for), and the preferred quick fix for GL003, applied
;; through Eglot's code actions, must add the missing `await' and nothing else,
;; after which GL003 is gone and the others remain.

;;; Code:

(require 'greenlight)

(setq gl-test-name "eglot-test")
(require 'eglot)

(gl-test-check-setup)

;; Batch mode must never stop at a prompt, nor wait for a connection it can finish later.
(setq eglot-confirm-server-initiated-edits nil
      eglot-sync-connect nil
      eglot-connect-timeout gl-test-timeout
      eglot-autoshutdown nil
      eglot-send-changes-idle-time 0.1)

(setq greenlight-jar gl-test-jar
      ;; Sent as initializationOptions: GL005 must then come as a warning, the others as errors.
      greenlight-settings '(:severity (("GL005" . "warning"))))
(greenlight-eglot-setup)
;; Also asked for the Flymake backend, as a user of both might: where Eglot runs greenlight
;; the backend must stay out, or every finding would be shown twice.
(greenlight-flymake-setup)

;; The copied example application is the project: Eglot's workspace root, where the server
;; resolves `app.database' for GL004.
(defconst gl-test-root
  (file-name-as-directory (expand-file-name "../.." (file-name-directory gl-test-file))))
(add-hook 'project-find-functions
          (lambda (directory)
            (when (file-in-directory-p directory gl-test-root)
              (cons 'transient gl-test-root))))

(defun gl-test-eglot-code (diagnostic)
  (let ((lsp (cdr (assq 'eglot-lsp-diag (flymake-diagnostic-data diagnostic)))))
    (and lsp (format "%s" (plist-get lsp :code)))))

(defun gl-test-eglot-findings ()
  "Have Flymake ask Eglot's backend again, and return what it shows."
  (flymake-start nil t)
  (accept-process-output nil 0.05)
  (gl-test-flymake-findings #'gl-test-eglot-code))

(defun gl-test-severity (type)
  (pcase type ('eglot-error "error") ('eglot-warning "warning") (_ (format "%s" type))))

(let* ((cli (gl-test-cli-agrees))
       (buffer (gl-test-open))
       (original (buffer-string)))
  (apply #'eglot (eglot--guess-contact))
  ;; Eglot 1.9 returns before the handshake is over: the buffer is managed once it is.
  (gl-test-wait "Eglot connection" #'eglot-managed-p)
  (unless (equal flymake-diagnostic-functions '(eglot-flymake-backend))
    (gl-test-fail "Flymake backends under Eglot: %S, expected Eglot's alone"
                  flymake-diagnostic-functions))
  (let ((server (eglot-current-server)))
    (gl-test-log "connected: %s %s" (plist-get (eglot--server-info server) :name)
                 (plist-get (eglot--server-info server) :version))
    (unless (equal (plist-get (eglot--server-info server) :name) "greenlight")
      (gl-test-fail "Eglot's server is not greenlight: %S" (eglot--server-info server))))

  (let ((before (gl-test-wait "diagnostics for all three findings"
                              (lambda ()
                                (let ((findings (gl-test-eglot-findings)))
                                  (and (= (length findings) (length cli)) findings))))))
    (dolist (finding (gl-test-sorted before))
      (gl-test-log "before the fix: %s line %d column %d, %s" (nth 0 finding) (nth 1 finding)
                   (nth 2 finding) (gl-test-severity (nth 3 finding))))
    (gl-test-expect-findings "Eglot's diagnostics in Flymake" (gl-test-without-type before) cli)
    (dolist (finding before)
      (let ((wanted (if (equal (car finding) "GL005") 'eglot-warning 'eglot-error)))
        (unless (eq (nth 3 finding) wanted)
          (gl-test-fail "%s shown as %s, expected %s (greenlight-settings' severity)"
                        (car finding) (nth 3 finding) wanted))))
    (when gl-test-results
      (with-temp-file gl-test-results (prin1 (gl-test-without-type before) (current-buffer)))))

  (let* ((target (or (cl-find "GL003" (flymake-diagnostics) :key #'gl-test-eglot-code :test #'equal)
                     (gl-test-fail "no GL003 diagnostic in Flymake")))
         (actions (eglot-code-actions (flymake-diagnostic-beg target)
                                      (flymake-diagnostic-end target)
                                      "quickfix"))
         (preferred (or (cl-find-if (lambda (action) (eq (plist-get action :isPreferred) t))
                                    actions)
                        (gl-test-fail "no preferred quick fix among %S"
                                      (mapcar (lambda (a) (plist-get a :title)) actions)))))
    (gl-test-log "GL003 in Flymake: %s" (flymake-diagnostic-text target))
    (gl-test-log "quick fixes: %S" (mapcar (lambda (a) (plist-get a :title)) actions))
    (gl-test-log "applying the preferred one: %s" (plist-get preferred :title))
    ;; Eglot's own path for a chosen action (a lone action of a kind is taken without a menu).
    (eglot--read-execute-code-action (list preferred) (eglot-current-server) "quickfix"))

  (gl-test-expect-awaited original)

  ;; Eglot sends the edit when Emacs goes idle, which a batch session never does.
  (eglot--signal-textDocument/didChange)
  (let* ((remaining (cl-remove "GL003" cli :key #'car :test #'equal))
         (after (gl-test-wait "diagnostics without GL003"
                              (lambda ()
                                (let ((findings (gl-test-without-type (gl-test-eglot-findings))))
                                  (and (not (assoc "GL003" findings)) findings))))))
    (gl-test-expect-findings "Eglot's diagnostics after the fix" after remaining)
    (gl-test-log "after the fix: %S" (gl-test-sorted after)))

  (set-buffer-modified-p nil)
  (eglot-shutdown (eglot-current-server))
  (gl-test-log "PASS")
  (kill-emacs 0))

;;; eglot-test.el ends here
