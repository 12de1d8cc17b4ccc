;;; lsp-mode-test.el --- greenlight under lsp-mode, in batch  -*- lexical-binding: t; -*-

;;; Commentary:

;; greenlight.el loaded before lsp-mode (its registration waits for lsp-mode), then `lsp' on a
;; copy of authors.py: lsp-mode must start greenlight as an add-on client, receive its
;; diagnostics where the command line puts them (with the severity greenlight-settings asks
;; for), and apply the preferred quick fix for GL003 through lsp-mode's code actions.

;;; Code:

(require 'greenlight)

(setq gl-test-name "lsp-mode-test")
(gl-test-check-setup)

(setq greenlight-jar gl-test-jar
      ;; Sent as initializationOptions: GL004 must then come as a hint (LSP severity 4).
      greenlight-settings '(:severity (("GL004" . "hint"))))

(when (featurep 'lsp-mode)
  (gl-test-fail "lsp-mode was loaded before the test loaded it"))
(require 'lsp-mode)
(unless (gethash 'greenlight lsp-clients)
  (gl-test-fail "loading lsp-mode did not register greenlight's client"))
(unless (lsp--client-add-on? (gethash 'greenlight lsp-clients))
  (gl-test-fail "greenlight's lsp-mode client is not an add-on"))

(defconst gl-test-root
  (file-name-as-directory (expand-file-name "../.." (file-name-directory gl-test-file))))

;; Batch mode must never stop at a prompt: the copied example application is the project root,
;; and lsp-mode keeps its session in the test's folder, not in ~/.emacs.d.
(add-hook 'project-find-functions
          (lambda (directory)
            (when (file-in-directory-p directory gl-test-root)
              (cons 'transient gl-test-root))))
(setq lsp-session-file (expand-file-name "lsp-session" (file-name-directory gl-test-results))
      lsp-auto-guess-root t
      lsp-restart 'ignore
      lsp-keep-workspace-alive nil
      lsp-enable-file-watchers nil
      lsp-headerline-breadcrumb-enable nil
      lsp-modeline-code-actions-enable nil
      lsp-modeline-diagnostics-enable nil
      lsp-lens-enable nil
      lsp-enable-snippet nil
      lsp-diagnostics-provider :none)

(defun gl-test-greenlight-ready-p (workspace)
  (and (eq (lsp--workspace-status workspace) 'initialized)
       (eq (lsp--client-server-id (lsp--workspace-client workspace)) 'greenlight)))

(defun gl-test-lsp-findings ()
  "(CODE LINE COLUMN SEVERITY) of what lsp-mode holds for the file, lines and columns 1-based."
  (let ((file (file-truename gl-test-file))
        findings)
    (maphash (lambda (path diagnostics)
               (when (equal (file-truename path) file)
                 (dolist (diagnostic diagnostics)
                   (let ((start (lsp:range-start (lsp:diagnostic-range diagnostic))))
                     (push (list (format "%s" (lsp:diagnostic-code? diagnostic))
                                 (1+ (lsp:position-line start))
                                 (1+ (lsp:position-character start))
                                 (lsp:diagnostic-severity? diagnostic))
                           findings)))))
             (lsp-diagnostics t))
    findings))

(let* ((cli (gl-test-cli-agrees))
       (buffer (gl-test-open))
       (original (buffer-string)))
  (lsp)
  (let ((workspace (gl-test-wait "lsp-mode workspace for greenlight"
                                 (lambda () (cl-find-if #'gl-test-greenlight-ready-p
                                                        (lsp-workspaces))))))
    (gl-test-log "connected: %s, root %s" (lsp--workspace-print workspace)
                 (abbreviate-file-name (lsp--workspace-root workspace))))

  (let ((before (gl-test-wait "diagnostics for all three findings"
                              (lambda ()
                                (let ((findings (gl-test-lsp-findings)))
                                  (and (= (length findings) (length cli)) findings))))))
    (dolist (finding (gl-test-sorted before))
      (gl-test-log "before the fix: %s line %d column %d, severity %s" (nth 0 finding)
                   (nth 1 finding) (nth 2 finding) (nth 3 finding)))
    (gl-test-expect-findings "lsp-mode's diagnostics" (gl-test-without-type before) cli)
    (dolist (finding before)
      (let ((wanted (if (equal (car finding) "GL004") 4 1)))
        (unless (eql (nth 3 finding) wanted)
          (gl-test-fail "%s has severity %s, expected %s (greenlight-settings' severity)"
                        (car finding) (nth 3 finding) wanted)))))

  ;; Point on the call, as a user's would be.
  (goto-char (point-min))
  (forward-line 33)
  (search-forward "session.delete")
  (let* ((actions (append (lsp-code-actions-at-point "quickfix") nil))
         (preferred (or (cl-find-if #'lsp:code-action-is-preferred? actions)
                        (gl-test-fail "no preferred quick fix among %S"
                                      (mapcar #'lsp:code-action-title actions)))))
    (gl-test-log "quick fixes on line 34: %S" (mapcar #'lsp:code-action-title actions))
    (gl-test-log "applying the preferred one: %s" (lsp:code-action-title preferred))
    (lsp-execute-code-action preferred))

  (gl-test-expect-awaited original)

  (let* ((remaining (cl-remove "GL003" cli :key #'car :test #'equal))
         (after (gl-test-wait "diagnostics without GL003"
                              (lambda ()
                                (let ((findings (gl-test-without-type (gl-test-lsp-findings))))
                                  (and (not (assoc "GL003" findings)) findings))))))
    (gl-test-expect-findings "lsp-mode's diagnostics after the fix" after remaining)
    (gl-test-log "after the fix: %S" (gl-test-sorted after)))

  (set-buffer-modified-p nil)
  (gl-test-log "PASS")
  (kill-emacs 0))

;;; lsp-mode-test.el ends here
